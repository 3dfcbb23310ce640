CREATE TABLE "post_alerts" (
	"measured_post_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"age_minutes" integer NOT NULL,
	"engagements" integer NOT NULL,
	"expected" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_alerts_measured_post_id_direction_pk" PRIMARY KEY("measured_post_id","direction")
);
--> statement-breakpoint
CREATE TABLE "weekly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_alerts" ADD CONSTRAINT "post_alerts_measured_post_id_measured_posts_id_fk" FOREIGN KEY ("measured_post_id") REFERENCES "public"."measured_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_reports_workspace_week_idx" ON "weekly_reports" USING btree ("workspace_id","week_start");