-- Issue 15 (B5): every process keeps the sessions its requests used in memory, so an authenticated request reads
-- nothing; every change that can end a session or change what a request sees of its user is announced on the
-- channel `session_changed`, and every process LISTENs and forgets what it held:
--   `session:<id>`  a session ended, its expiry or its user changed, or a session that could be live was deleted;
--   `user:<id>`     a user's e-mail, role, active flag or password changed, or the user was deleted.
-- NOTIFY is delivered at commit, so a listener never forgets for a change that was rolled back. Columns no request
-- depends on (`last_login_at`, a session's `ip`) announce nothing.
CREATE FUNCTION session_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('session_changed', 'user:' || OLD.id::text);
  ELSE
    PERFORM pg_notify('session_changed', 'session:' || OLD.id::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER user_sessions_changed AFTER UPDATE ON user_sessions
  FOR EACH ROW WHEN (
    NEW.ended_at IS DISTINCT FROM OLD.ended_at
    OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
    OR NEW.user_id IS DISTINCT FROM OLD.user_id
    OR NEW.id IS DISTINCT FROM OLD.id
  ) EXECUTE FUNCTION session_notify_change();

-- the pruning of sessions ended or expired long ago says nothing: no process holds a session that is not live
CREATE TRIGGER user_sessions_deleted AFTER DELETE ON user_sessions
  FOR EACH ROW WHEN (OLD.ended_at IS NULL AND OLD.expires_at > now()) EXECUTE FUNCTION session_notify_change();

CREATE TRIGGER users_changed AFTER UPDATE ON users
  FOR EACH ROW WHEN (
    NEW.email IS DISTINCT FROM OLD.email
    OR NEW.role IS DISTINCT FROM OLD.role
    OR NEW.active IS DISTINCT FROM OLD.active
    OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
    OR NEW.id IS DISTINCT FROM OLD.id
  ) EXECUTE FUNCTION session_notify_change();

CREATE TRIGGER users_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION session_notify_change();
