-- Every change is audited in its own transaction, so an insert into audit_log
-- is the one place that tells every application instance "the data changed".
-- NOTIFY is delivered on commit only, and identical notifications of one
-- transaction are folded into one.
CREATE FUNCTION samverka_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('samverka_changed', '');
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_notify_change AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION samverka_notify_change();
