ALTER TABLE "content_revisions" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD COLUMN "thread" jsonb DEFAULT '[]'::jsonb NOT NULL;