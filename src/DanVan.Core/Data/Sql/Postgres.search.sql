-- Full-text search of initiatives: a GIN index on the folded "SearchText" (the 'simple' configuration: no stemming).
-- One statement per line; safe to apply again.
CREATE INDEX IF NOT EXISTS "IX_Initiatives_Search" ON "Initiatives" USING gin (to_tsvector('simple', "SearchText"));
