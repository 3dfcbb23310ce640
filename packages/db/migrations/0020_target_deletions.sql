CREATE TABLE "target_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"detail" text,
	"duration_ms" real
);
--> statement-breakpoint
ALTER TABLE "target_deletions" ADD CONSTRAINT "target_deletions_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_deletions_target_idx" ON "target_deletions" USING btree ("target_id","started_at");