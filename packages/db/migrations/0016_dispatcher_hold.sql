ALTER TABLE "post_targets" ADD COLUMN "held_by" text;--> statement-breakpoint
ALTER TABLE "post_targets" ADD COLUMN "held_until" timestamp with time zone;