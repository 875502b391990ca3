-- Issue 13: source health. Fill rates per sync job, alarms, snapshots of the first page of each error or alarm kind,
-- and expiry by absence that one bad sync job cannot turn into a mass close.

-- The running counters of what a sync job's postings hold (packages/contracts/src/source-quality.ts, QualityTally),
-- written with its progress; the API derives `quality` (fill rates, cards per page) from them.
ALTER TABLE sync_jobs ADD COLUMN quality_tally jsonb;
-- [{kind, field, baseline, actual, message}]: drift below the source's baseline, listing pages with 0 cards.
ALTER TABLE sync_jobs ADD COLUMN alarms jsonb NOT NULL DEFAULT '[]'::jsonb;
-- Expiry by absence after this sync job: what was counted missing, closed, and held back (and why).
ALTER TABLE sync_jobs ADD COLUMN expiry jsonb;

-- Each saved batch's quality counters, beside its statistics: a resumed attempt continues them.
ALTER TABLE sync_job_checkpoints ADD COLUMN quality_tally jsonb;

-- The first page of each distinct error or alarm kind of a sync job: gzip, size-capped, deleted with the sync job.
CREATE TABLE sync_job_snapshots (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_job_id uuid NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
  -- 1, 2, 3... within the sync job: the {n} of .../snapshots/{n}
  n integer NOT NULL,
  kind text NOT NULL,
  url text NOT NULL,
  message text NOT NULL,
  -- the page's size before the cap, and whether the stored body was cut to the cap
  original_bytes integer NOT NULL,
  truncated boolean NOT NULL,
  body_gzip bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sync_job_id, kind),
  UNIQUE (sync_job_id, n)
);

-- Expiry by absence: completed sync jobs in a row that did not list the posting (reset whenever one lists it).
ALTER TABLE job_postings ADD COLUMN missed_syncs integer NOT NULL DEFAULT 0;
