CREATE TABLE "plan_briefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"workspace_id" text NOT NULL,
	"day" text NOT NULL,
	"network" text NOT NULL,
	"account_id" uuid NOT NULL,
	"pillar" text NOT NULL,
	"topic" text NOT NULL,
	"format" text DEFAULT 'educational' NOT NULL,
	"slot" timestamp with time zone,
	"placement_reason" text,
	"state" text DEFAULT 'brief' NOT NULL,
	"content_draft_id" uuid,
	"post_id" uuid,
	"replaces_id" uuid,
	"replaced_by_id" uuid,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"month" text NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"generation" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_content_draft_id_content_drafts_id_fk" FOREIGN KEY ("content_draft_id") REFERENCES "public"."content_drafts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_briefs_plan_day_idx" ON "plan_briefs" USING btree ("plan_id","day");--> statement-breakpoint
CREATE INDEX "plan_briefs_post_idx" ON "plan_briefs" USING btree ("post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_workspace_month_idx" ON "plans" USING btree ("workspace_id","month");