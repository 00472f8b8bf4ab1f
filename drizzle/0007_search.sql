-- Full-text search: one GIN index per searched table on the expression src/lib/server/search/vectors.ts builds.
CREATE INDEX IF NOT EXISTS "activity_search" ON "activity" USING gin ((to_tsvector('swedish'::regconfig, coalesce(activity.title, '') || ' ' || coalesce(activity.comment, '') || ' ' || coalesce(activity.report_text, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "follow_up_search" ON "follow_up" USING gin ((to_tsvector('swedish'::regconfig, coalesce(follow_up.text, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "consultation_search" ON "consultation" USING gin ((to_tsvector('swedish'::regconfig, coalesce(consultation.title, '') || ' ' || coalesce(consultation.reference, '') || ' ' || coalesce(consultation.response_text, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "priority_object_search" ON "priority_object" USING gin ((to_tsvector('swedish'::regconfig, coalesce(priority_object.name, '') || ' ' || coalesce(priority_object.description, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "decision_search" ON "decision" USING gin ((to_tsvector('swedish'::regconfig, coalesce(decision.title, '') || ' ' || coalesce(decision.description, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "agenda_item_search" ON "agenda_item" USING gin ((to_tsvector('swedish'::regconfig, coalesce(agenda_item.title, '') || ' ' || coalesce(agenda_item.minutes_text, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "project_search" ON "project" USING gin ((to_tsvector('swedish'::regconfig, coalesce(project.name, '') || ' ' || coalesce(project.purpose, '') || ' ' || coalesce(project.description, '') || ' ' || coalesce(project.results, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "event_search" ON "event" USING gin ((to_tsvector('swedish'::regconfig, coalesce(event.name, '') || ' ' || coalesce(event.theme, '') || ' ' || coalesce(event.evaluation, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "person_search" ON "person" USING gin ((to_tsvector('swedish'::regconfig, coalesce(person.name, '') || ' ' || coalesce(person.title, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "governing_document_search" ON "governing_document" USING gin ((to_tsvector('swedish'::regconfig, coalesce(governing_document.title, '') || ' ' || coalesce(governing_document.description, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "news_search" ON "news" USING gin ((to_tsvector('swedish'::regconfig, coalesce(news.title, '') || ' ' || coalesce(news.summary, '') || ' ' || coalesce(news.body, ''))));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "influence_search" ON "influence" USING gin ((to_tsvector('swedish'::regconfig, coalesce(influence.title, '') || ' ' || coalesce(influence.description, ''))));
