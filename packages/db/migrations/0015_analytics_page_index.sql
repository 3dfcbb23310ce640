-- Hand-written (the generated column below needs it): the hashtags of a post's text exactly as the
-- hashtag breakdown read them at query time before: words split on white space, those starting with #,
-- trailing punctuation trimmed, lower-cased, each once.
CREATE FUNCTION measured_post_hashtags(post_text text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT DISTINCT tag
    FROM unnest(string_to_array(translate(post_text, E'\n\r\t', '   '), ' ')) AS word,
         lower(rtrim(substr(word, 2), '.,;:!?)]}"''')) AS tag
    WHERE word LIKE '#_%' AND tag <> ''
    ORDER BY tag)
$$;--> statement-breakpoint
DROP INDEX "measured_posts_workspace_published_idx";--> statement-breakpoint
ALTER TABLE "measured_posts" ADD COLUMN "hashtags" text[] GENERATED ALWAYS AS (measured_post_hashtags("text")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "measured_posts_workspace_published_idx" ON "measured_posts" USING btree ("workspace_id","published_at","account_id","engagements","engagement_rate","impressions","views","has_media","has_link","is_thread","char_count","hashtag_count","id");--> statement-breakpoint
-- Hand-written (drizzle does not declare storage parameters): vacuum measured_posts after 1 % of its rows
-- changed or were added rather than 20 %, so the pages the collector rewrites are soon all-visible again
-- and the analytics page's index-only scans skip the heap for all but the latest changes.
ALTER TABLE "measured_posts" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
