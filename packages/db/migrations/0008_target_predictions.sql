CREATE TABLE "target_predictions" (
	"target_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"expected" real NOT NULL,
	"low" real NOT NULL,
	"high" real NOT NULL,
	"history_posts" integer NOT NULL,
	"model" text NOT NULL,
	"for_time" timestamp with time zone NOT NULL,
	"predicted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_predictions" ADD CONSTRAINT "target_predictions_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;