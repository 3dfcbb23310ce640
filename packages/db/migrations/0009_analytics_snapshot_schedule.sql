CREATE TABLE "analytics_read_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"limited_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "measured_posts" ADD COLUMN "next_snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "measured_posts" ADD COLUMN "next_offset_index" smallint;--> statement-breakpoint
CREATE INDEX "measured_posts_due_idx" ON "measured_posts" USING btree ("next_snapshot_at") WHERE "measured_posts"."next_snapshot_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "post_metric_snapshots_offset_idx" ON "post_metric_snapshots" USING btree ("measured_post_id","offset_min") WHERE "post_metric_snapshots"."offset_min" is not null;