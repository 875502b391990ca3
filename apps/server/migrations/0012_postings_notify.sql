-- Issue 19: every process keeps the totals of the public lists it counted (a province's open postings, a common
-- search) and reuses them until job postings change. Every statement that writes job_postings announces it on the
-- channel `job_postings_changed` (one NOTIFY per statement, not per row; NOTIFY is delivered at commit and a
-- transaction's identical notifications are folded into one, so a sync's batch announces once).
CREATE FUNCTION job_postings_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('job_postings_changed', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER job_postings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_postings
  FOR EACH STATEMENT EXECUTE FUNCTION job_postings_notify_change();
