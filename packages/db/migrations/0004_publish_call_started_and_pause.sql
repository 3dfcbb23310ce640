CREATE TABLE "instance_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"publishing_paused_at" timestamp with time zone,
	"publishing_paused_reason" text,
	"publishing_changed_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instance_settings_single_row" CHECK ("instance_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "publish_attempts" ADD COLUMN "call_started_at" timestamp with time zone;--> statement-breakpoint
-- Attempts still open when this version arrives were written before calls were marked: count them as
-- started, so an interrupted one becomes unconfirmed (never re-sent) as it would have before.
UPDATE "publish_attempts" SET "call_started_at" = "started_at" WHERE "outcome" IS NULL;
