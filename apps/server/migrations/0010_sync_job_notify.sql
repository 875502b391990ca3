-- Issue 15: API processes keep the latest progress of the sync jobs being read (B5: a poll costs no database read).
-- Every change of a sync job's version, and its deletion (retention), is announced on the channel
-- `sync_job_changed` as `<id>:<version>` (`<id>:0` when deleted); the API LISTENs and refreshes what it holds.
-- NOTIFY is delivered at commit, so a listener never sees a change that was rolled back. A heartbeat does not bump
-- the version and announces nothing.
CREATE FUNCTION sync_job_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('sync_job_changed', OLD.id::text || ':0');
    RETURN OLD;
  END IF;
  PERFORM pg_notify('sync_job_changed', NEW.id::text || ':' || NEW.version::text);
  RETURN NEW;
END
$$;

CREATE TRIGGER sync_jobs_version_changed AFTER UPDATE OF version ON sync_jobs
  FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version) EXECUTE FUNCTION sync_job_notify_change();

CREATE TRIGGER sync_jobs_deleted AFTER DELETE ON sync_jobs
  FOR EACH ROW EXECUTE FUNCTION sync_job_notify_change();
