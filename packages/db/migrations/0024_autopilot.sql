CREATE TABLE "workspace_autopilots" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"level" text DEFAULT 'draft' NOT NULL,
	"approved_pillars" text[] DEFAULT '{}' NOT NULL,
	"posts_per_day_per_account" integer DEFAULT 1 NOT NULL,
	"banned_topics" text[] DEFAULT '{}' NOT NULL,
	"require_ai_disclosure" boolean DEFAULT true NOT NULL,
	"pause_on_negative_spike" boolean DEFAULT true NOT NULL,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"resumed_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspace_autopilots" ADD CONSTRAINT "workspace_autopilots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_autopilots" ADD CONSTRAINT "workspace_autopilots_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;