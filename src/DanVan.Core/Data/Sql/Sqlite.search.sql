-- Full-text search of initiatives (FTS5 over the folded "SearchText"), kept in step by triggers.
-- One statement per line. EF Core rebuilds a SQLite table for some column changes, which drops its triggers:
-- a migration that rebuilds "Initiatives" must apply this file again (HandWrittenSql.Apply).
CREATE VIRTUAL TABLE IF NOT EXISTS "InitiativeSearch" USING fts5("SearchText", content='Initiatives', content_rowid='Id', tokenize='unicode61');
DROP TRIGGER IF EXISTS "Initiatives_search_insert";
DROP TRIGGER IF EXISTS "Initiatives_search_delete";
DROP TRIGGER IF EXISTS "Initiatives_search_update";
CREATE TRIGGER "Initiatives_search_insert" AFTER INSERT ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText"); END;
CREATE TRIGGER "Initiatives_search_delete" AFTER DELETE ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"("InitiativeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText"); END;
CREATE TRIGGER "Initiatives_search_update" AFTER UPDATE OF "SearchText" ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"("InitiativeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText"); INSERT INTO "InitiativeSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText"); END;
INSERT INTO "InitiativeSearch"("InitiativeSearch") VALUES ('rebuild');
