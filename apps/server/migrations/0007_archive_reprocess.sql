-- Issue 14: the page archive (one WARC file per sync job) and re-processing a finished sync job from it.

-- a sync job that parses a finished one's archived pages again, with no request to the site
ALTER TYPE sync_trigger ADD VALUE IF NOT EXISTS 'reprocess';
ALTER TABLE sync_jobs ADD COLUMN reprocessed_from uuid REFERENCES sync_jobs(id) ON DELETE SET NULL;

-- one row per archive file (ARCHIVE_DIR/<sync job id>.warc.gz), written before the file is created and updated with
-- its size and page count when the sync job ends; the row goes with its sync job (retention) and the file after it.
-- The size cap (archive_max_mb) deletes the file and keeps the row with deleted_at, so "the archive is gone" can be told
-- apart from "this sync job never had one"
CREATE TABLE sync_job_archives (
  sync_job_id uuid PRIMARY KEY REFERENCES sync_jobs(id) ON DELETE CASCADE,
  data_source_id uuid NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
  bytes bigint NOT NULL DEFAULT 0 CHECK (bytes >= 0),
  pages integer NOT NULL DEFAULT 0 CHECK (pages >= 0),
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_job_archives_source_idx ON sync_job_archives (data_source_id, created_at);
