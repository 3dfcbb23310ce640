DROP INDEX "llm_providers_workspace_provider_idx";--> statement-breakpoint
ALTER TABLE "llm_providers" ADD COLUMN "purpose" text DEFAULT 'text' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "llm_providers_workspace_provider_idx" ON "llm_providers" USING btree ("workspace_id","purpose","provider_id");--> statement-breakpoint
ALTER TABLE "llm_providers" ADD CONSTRAINT "llm_providers_purpose" CHECK ("llm_providers"."purpose" IN ('text', 'media'));