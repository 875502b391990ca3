-- Notifications (webhook, Slack-compatible webhook, e-mail) with a delivery outbox; auto-disable of failing sources;
-- full-refresh sync requests.

-- consecutive failed sync jobs of a source (reset by a completed one) and its health: ok | degraded | deactivated
ALTER TABLE data_sources ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0;
ALTER TABLE data_sources ADD COLUMN health text NOT NULL DEFAULT 'ok';

-- a full-refresh sync job crawls every page even when incremental stopping is configured
ALTER TABLE sync_jobs ADD COLUMN full_refresh boolean NOT NULL DEFAULT false;

CREATE TABLE notification_channels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- NULL: every data source (global)
  data_source_id uuid REFERENCES data_sources(id) ON DELETE CASCADE,
  type text NOT NULL,
  url text,
  email_to text[] NOT NULL DEFAULT '{}',
  secret text NOT NULL,
  events text[] NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_channels_name_lower ON notification_channels (lower(name));

-- the outbox: one row per (channel, event occurrence); the unique key makes a second enqueue a no-op
CREATE TABLE notification_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel_id uuid NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
  dedupe_key text NOT NULL,
  event text NOT NULL,
  sync_job_id uuid REFERENCES sync_jobs(id) ON DELETE SET NULL,
  data_source_id uuid REFERENCES data_sources(id) ON DELETE SET NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  response_code integer,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  CONSTRAINT notification_deliveries_once UNIQUE (channel_id, dedupe_key)
);
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC, id DESC);
CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (status) WHERE status = 'pending';
