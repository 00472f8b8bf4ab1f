-- The consultations register lists remisser newest first by the day that dates
-- each one best (sent, deadline, own target, received, else the end of its
-- year), then by id: the expression of newestFirst in
-- src/lib/server/consultations/queries.ts, word for word, so that a page of 50
-- is read from this index instead of sorting every remiss on every request
-- (16-20 ms in PostgreSQL at 5 000 remisser, EXPLAIN ANALYZE).
CREATE INDEX IF NOT EXISTS "consultation_newest" ON "consultation" ((coalesce("submitted_on", "deadline", "target_on", "received_on", make_date(coalesce("submitted_year", "written_year", 1900), 12, 31))) DESC, "id" DESC);
