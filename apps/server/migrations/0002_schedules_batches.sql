-- Schedules per data source, the record of every scheduled fire, and which postings each sync job added or updated.

-- A cron expression (5 fields, minute precision) and an IANA time zone; no cron means no schedule.
ALTER TABLE data_sources ADD COLUMN schedule_cron text;
ALTER TABLE data_sources ADD COLUMN schedule_timezone text NOT NULL DEFAULT 'UTC';

-- One row per fire of a schedule. The unique key makes a second fire of the same tick (two workers, a redelivered
-- queue message) a no-op, so a schedule never starts two sync jobs for one tick.
CREATE TABLE sync_schedule_runs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  data_source_id uuid NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
  scheduled_for timestamptz NOT NULL,
  fired_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL CHECK (outcome IN ('started', 'skipped_active', 'skipped_inactive', 'failed')),
  sync_job_id uuid REFERENCES sync_jobs(id) ON DELETE SET NULL,
  message text NOT NULL,
  CONSTRAINT sync_schedule_runs_one_per_tick UNIQUE (data_source_id, scheduled_for)
);
CREATE INDEX sync_schedule_runs_source_idx ON sync_schedule_runs (data_source_id, scheduled_for DESC);

-- Multi-site sync: the sync jobs of one batch.
CREATE INDEX sync_jobs_batch_idx ON sync_jobs (batch_id) WHERE batch_id IS NOT NULL;

-- Postings a sync job inserted ('added') or whose content it changed ('updated'), written by the upsert itself.
CREATE TABLE sync_job_postings (
  sync_job_id uuid NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
  job_posting_id integer NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
  change text NOT NULL CHECK (change IN ('added', 'updated')),
  PRIMARY KEY (sync_job_id, job_posting_id)
);
CREATE INDEX sync_job_postings_posting_idx ON sync_job_postings (job_posting_id);
