-- Sync engine v2: attempts and resume, a checkpoint per saved batch, and an outbox for the end of every sync job.

-- a sync job started to continue a failed or cancelled one from its checkpoint
ALTER TYPE sync_trigger ADD VALUE IF NOT EXISTS 'resume';

-- a worker that stops mid-sync hands the sync job to its next attempt (up to max_attempts), resumed from its
-- checkpoint; resumed_from links a sync job started with "Resume" to the one it continues
ALTER TABLE sync_jobs ADD COLUMN attempt integer NOT NULL DEFAULT 1;
ALTER TABLE sync_jobs ADD COLUMN max_attempts integer NOT NULL DEFAULT 3;
ALTER TABLE sync_jobs ADD CONSTRAINT sync_jobs_attempts_check CHECK (attempt >= 1 AND max_attempts >= 1);
ALTER TABLE sync_jobs ADD COLUMN resumed_from uuid REFERENCES sync_jobs(id) ON DELETE SET NULL;

-- one row per saved batch, written in the same transaction as its postings: the listing pages it completes (with
-- the cards each kept), the postings and detail pages it covers, and the counters it adds to the statistics
CREATE TABLE sync_job_checkpoints (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_job_id uuid NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  seq integer NOT NULL,
  pages jsonb NOT NULL,
  item_ids text[] NOT NULL,
  detail_urls text[] NOT NULL,
  tally jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_job_checkpoints_job_idx ON sync_job_checkpoints (sync_job_id, id);

-- every final transition of a sync job writes one row here in the same transaction; one handler runs what follows
-- (source health, notifications) and marks it handled, so nothing that ends is forgotten by a crash
CREATE TABLE sync_job_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_job_id uuid NOT NULL UNIQUE REFERENCES sync_jobs(id) ON DELETE CASCADE,
  data_source_id uuid NOT NULL,
  status sync_job_status NOT NULL,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  handled_at timestamptz
);
CREATE INDEX sync_job_outbox_unhandled_idx ON sync_job_outbox (id) WHERE handled_at IS NULL;
