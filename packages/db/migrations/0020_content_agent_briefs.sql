ALTER TABLE "plan_briefs" ADD COLUMN "visual_brief" text;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD COLUMN "agent_run_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_briefs" ADD CONSTRAINT "plan_briefs_agent_run_id_agent_runs_id_fk" FOREIGN KEY ("agent_run_id") REFERENCES "public"."agent_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_briefs_agent_run_idx" ON "plan_briefs" USING btree ("agent_run_id");