-- Search that forgives: unaccent and pg_trgm (contrib modules shipped with
-- PostgreSQL, trusted since PostgreSQL 13, so a database owner may create them),
-- a text search configuration samverka_swedish that strips accents before the
-- swedish stemmer ("tvarforbindelse" finds "Tvärförbindelse"), and the search
-- indexes rebuilt on it (the expressions of src/lib/server/search/vectors.ts).
-- pg_trgm's similarity() proposes "Menade du …" when nothing is found.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION samverka_swedish (COPY = pg_catalog.swedish);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION samverka_swedish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem;
--> statement-breakpoint
DROP INDEX IF EXISTS "activity_search";
--> statement-breakpoint
CREATE INDEX "activity_search" ON "activity" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(activity.title, '') || ' ' || coalesce(activity.comment, '') || ' ' || coalesce(activity.report_text, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "follow_up_search";
--> statement-breakpoint
CREATE INDEX "follow_up_search" ON "follow_up" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(follow_up.text, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "consultation_search";
--> statement-breakpoint
CREATE INDEX "consultation_search" ON "consultation" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(consultation.title, '') || ' ' || coalesce(consultation.reference, '') || ' ' || coalesce(consultation.response_text, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "priority_object_search";
--> statement-breakpoint
CREATE INDEX "priority_object_search" ON "priority_object" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(priority_object.name, '') || ' ' || coalesce(priority_object.description, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "decision_search";
--> statement-breakpoint
CREATE INDEX "decision_search" ON "decision" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(decision.title, '') || ' ' || coalesce(decision.description, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "agenda_item_search";
--> statement-breakpoint
CREATE INDEX "agenda_item_search" ON "agenda_item" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(agenda_item.title, '') || ' ' || coalesce(agenda_item.minutes_text, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "project_search";
--> statement-breakpoint
CREATE INDEX "project_search" ON "project" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(project.name, '') || ' ' || coalesce(project.purpose, '') || ' ' || coalesce(project.description, '') || ' ' || coalesce(project.results, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "event_search";
--> statement-breakpoint
CREATE INDEX "event_search" ON "event" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(event.name, '') || ' ' || coalesce(event.theme, '') || ' ' || coalesce(event.evaluation, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "person_search";
--> statement-breakpoint
CREATE INDEX "person_search" ON "person" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(person.name, '') || ' ' || coalesce(person.title, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "governing_document_search";
--> statement-breakpoint
CREATE INDEX "governing_document_search" ON "governing_document" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(governing_document.title, '') || ' ' || coalesce(governing_document.description, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "news_search";
--> statement-breakpoint
CREATE INDEX "news_search" ON "news" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(news.title, '') || ' ' || coalesce(news.summary, '') || ' ' || coalesce(news.body, ''))));
--> statement-breakpoint
DROP INDEX IF EXISTS "influence_search";
--> statement-breakpoint
CREATE INDEX "influence_search" ON "influence" USING gin ((to_tsvector('samverka_swedish'::regconfig, coalesce(influence.title, '') || ' ' || coalesce(influence.description, ''))));
