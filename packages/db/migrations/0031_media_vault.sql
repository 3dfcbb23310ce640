-- Hand-written (drizzle declares neither extensions nor functions). Trigrams for the vault's text search
-- (pg_trgm is a trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The media ids a post's content (or a target's override) uses: its own and its thread parts', in order.
CREATE FUNCTION content_media_ids(doc jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT jsonb_array_elements_text(jsonb_path_query_array(doc, 'lax $.mediaIds[*]')
      || jsonb_path_query_array(doc, 'lax $.thread[*].mediaIds[*]')))
$$;--> statement-breakpoint
-- What the vault's search reads: file name, alt text, the AI prompt and the tags, lower-cased.
CREATE FUNCTION media_search_text(file_name text, alt_text text, provenance jsonb, tags text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(concat_ws(' ', file_name, alt_text, provenance ->> 'prompt', array_to_string(tags, ' ')))
$$;--> statement-breakpoint
ALTER TABLE "post_targets" ADD COLUMN "media_ids" text[] GENERATED ALWAYS AS (content_media_ids("override")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "media_ids" text[] GENERATED ALWAYS AS (content_media_ids("content")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "media_assets" ADD COLUMN "search_text" text GENERATED ALWAYS AS (media_search_text("file_name", "alt_text", "provenance", "tags")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "post_targets_media_ids_idx" ON "post_targets" USING gin ("media_ids");--> statement-breakpoint
CREATE INDEX "posts_media_ids_idx" ON "posts" USING gin ("media_ids");--> statement-breakpoint
CREATE INDEX "media_assets_workspace_kind_seq_idx" ON "media_assets" USING btree ("workspace_id","kind","seq");--> statement-breakpoint
CREATE INDEX "media_assets_workspace_approval_seq_idx" ON "media_assets" USING btree ("workspace_id","approval","seq");--> statement-breakpoint
CREATE INDEX "media_assets_workspace_source_seq_idx" ON "media_assets" USING btree ("workspace_id","source","seq");--> statement-breakpoint
CREATE INDEX "media_assets_tags_idx" ON "media_assets" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "media_assets_search_idx" ON "media_assets" USING gin ("search_text" gin_trgm_ops);