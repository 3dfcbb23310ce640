ALTER TABLE "social_accounts" ADD COLUMN "metrics_error" text;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "metrics_error_at" timestamp with time zone;