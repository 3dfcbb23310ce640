CREATE TABLE "inbox_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"classify" boolean DEFAULT true NOT NULL,
	"draft_replies" boolean DEFAULT true NOT NULL,
	"auto_hide_spam" boolean DEFAULT false NOT NULL,
	"disclosed_automation" boolean DEFAULT false NOT NULL,
	"disclosure" text DEFAULT '— sent by our automated assistant' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "runner_id" text;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "send_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_replies_sending_idx" ON "inbox_replies" USING btree ("attempt_started_at") WHERE state = 'sending';