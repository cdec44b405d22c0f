-- The status history is append-only: refuse every UPDATE and DELETE of its rows.
CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_events_no_update_delete
  BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION application_events_append_only();
