CREATE TABLE "competitor_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competitor_id" uuid NOT NULL,
	"remote_id" text NOT NULL,
	"url" text,
	"published_at" timestamp with time zone NOT NULL,
	"hashtags" text[] DEFAULT '{}'::text[] NOT NULL,
	"topic_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"char_count" integer DEFAULT 0 NOT NULL,
	"has_media" boolean DEFAULT false NOT NULL,
	"has_link" boolean DEFAULT false NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"engagements" integer,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"network" text NOT NULL,
	"handle" text NOT NULL,
	"remote_id" text,
	"display_name" text,
	"profile_url" text,
	"followers" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"state_message" text,
	"last_fetched_at" timestamp with time zone,
	"next_fetch_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competitor_posts" ADD CONSTRAINT "competitor_posts_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competitor_posts_competitor_remote_key" ON "competitor_posts" USING btree ("competitor_id","remote_id");--> statement-breakpoint
CREATE INDEX "competitor_posts_competitor_published_idx" ON "competitor_posts" USING btree ("competitor_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_workspace_network_handle_key" ON "competitors" USING btree ("workspace_id","network",lower("handle"));--> statement-breakpoint
CREATE INDEX "competitors_next_fetch_idx" ON "competitors" USING btree ("next_fetch_at");