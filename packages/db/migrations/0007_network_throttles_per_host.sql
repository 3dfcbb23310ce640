-- Throttles are kept per network + host + app (limit_key) instead of per network. A network-wide row
-- cannot be told which host it was for; they last minutes at most, so they are dropped.
DELETE FROM "network_throttles";--> statement-breakpoint
ALTER TABLE "network_throttles" DROP CONSTRAINT "network_throttles_pkey";--> statement-breakpoint
ALTER TABLE "network_throttles" ADD COLUMN "limit_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "network_throttles" ADD CONSTRAINT "network_throttles_network_limit_key_pk" PRIMARY KEY("network","limit_key");
