CREATE TABLE "ab_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"brief_a_id" uuid NOT NULL,
	"brief_b_id" uuid NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"decided_at" timestamp with time zone,
	"winner" text,
	"p_value" double precision,
	"method" text,
	"lift" double precision,
	"spread" double precision,
	"reading_a" jsonb,
	"reading_b" jsonb,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_brief_a_id_plan_briefs_id_fk" FOREIGN KEY ("brief_a_id") REFERENCES "public"."plan_briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_brief_b_id_plan_briefs_id_fk" FOREIGN KEY ("brief_b_id") REFERENCES "public"."plan_briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ab_tests_plan_idx" ON "ab_tests" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ab_tests_brief_b_idx" ON "ab_tests" USING btree ("brief_b_id");--> statement-breakpoint
CREATE INDEX "ab_tests_running_idx" ON "ab_tests" USING btree ("state") WHERE "ab_tests"."state" = 'running';