CREATE TABLE "account_metric_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_metric_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"workspace_id" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"followers" bigint,
	"following" bigint,
	"posts" bigint
);
--> statement-breakpoint
CREATE TABLE "measured_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"network" text NOT NULL,
	"remote_id" text NOT NULL,
	"remote_url" text,
	"target_id" uuid,
	"source" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"char_count" integer DEFAULT 0 NOT NULL,
	"hashtag_count" smallint DEFAULT 0 NOT NULL,
	"has_media" boolean DEFAULT false NOT NULL,
	"has_link" boolean DEFAULT false NOT NULL,
	"is_thread" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"gone_reason" text,
	"gone_at" timestamp with time zone,
	"last_measured_at" timestamp with time zone,
	"impressions" bigint,
	"reach" bigint,
	"views" bigint,
	"likes" integer,
	"reposts" integer,
	"quotes" integer,
	"replies" integer,
	"shares" integer,
	"saves" integer,
	"clicks" integer,
	"score" integer,
	"engagements" integer,
	"engagement_rate" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_metric_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "post_metric_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measured_post_id" uuid NOT NULL,
	"workspace_id" text NOT NULL,
	"due_at" timestamp with time zone,
	"offset_min" integer,
	"taken_at" timestamp with time zone NOT NULL,
	"impressions" bigint,
	"reach" bigint,
	"views" bigint,
	"likes" integer,
	"reposts" integer,
	"quotes" integer,
	"replies" integer,
	"shares" integer,
	"saves" integer,
	"clicks" integer,
	"score" integer,
	"engagements" integer
);
--> statement-breakpoint
ALTER TABLE "account_metric_snapshots" ADD CONSTRAINT "account_metric_snapshots_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measured_posts" ADD CONSTRAINT "measured_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measured_posts" ADD CONSTRAINT "measured_posts_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measured_posts" ADD CONSTRAINT "measured_posts_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_metric_snapshots" ADD CONSTRAINT "post_metric_snapshots_measured_post_id_measured_posts_id_fk" FOREIGN KEY ("measured_post_id") REFERENCES "public"."measured_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_metric_snapshots_account_idx" ON "account_metric_snapshots" USING btree ("account_id","taken_at");--> statement-breakpoint
CREATE INDEX "account_metric_snapshots_taken_brin" ON "account_metric_snapshots" USING brin ("taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "measured_posts_account_remote_idx" ON "measured_posts" USING btree ("account_id","remote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measured_posts_target_idx" ON "measured_posts" USING btree ("target_id") WHERE "measured_posts"."target_id" is not null;--> statement-breakpoint
CREATE INDEX "measured_posts_workspace_published_idx" ON "measured_posts" USING btree ("workspace_id","published_at");--> statement-breakpoint
CREATE INDEX "post_metric_snapshots_post_idx" ON "post_metric_snapshots" USING btree ("measured_post_id","taken_at");--> statement-breakpoint
CREATE INDEX "post_metric_snapshots_taken_brin" ON "post_metric_snapshots" USING brin ("taken_at");