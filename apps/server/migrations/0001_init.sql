-- jobsync initial schema. Plain SQL accepted by PostgreSQL 15+ and PGlite; applied by the app at start.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE; generated columns and index expressions need IMMUTABLE. The dictionary is named explicitly
-- so the function does not depend on search_path.
CREATE OR REPLACE FUNCTION jobsync_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

CREATE OR REPLACE FUNCTION jobsync_search_vector(title text, company text, locations text[], tags text[], description text)
  RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(title, '')))), 'A')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(company, '')))), 'B')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(tags, '{}'), ' ')))), 'B')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(locations, '{}'), ' ')))), 'C')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(left(regexp_replace(coalesce(description, ''), '<[^>]+>', ' ', 'g'), 20000)))), 'D')
  $$;

CREATE TYPE sync_job_status AS ENUM ('pending', 'running', 'cancelling', 'completed', 'failed', 'cancelled');
CREATE TYPE user_role AS ENUM ('admin', 'viewer');
CREATE TYPE sync_trigger AS ENUM ('manual', 'schedule', 'batch', 'cli');
CREATE TYPE posting_status AS ENUM ('open', 'closed');

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role user_role NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE data_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_name text NOT NULL UNIQUE,
  kind text NOT NULL,
  base_url text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  config jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- site names are unique regardless of case, so /data-sources/topcv and /data-sources/TopCV cannot both exist
CREATE UNIQUE INDEX data_sources_site_name_lower ON data_sources (lower(site_name));

CREATE TABLE sync_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  data_source_id uuid NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
  site_name text NOT NULL,
  status sync_job_status NOT NULL DEFAULT 'pending',
  trigger sync_trigger NOT NULL DEFAULT 'manual',
  max_jobs integer NOT NULL,
  progress real NOT NULL DEFAULT 0,
  current_step text,
  steps jsonb NOT NULL,
  stats jsonb NOT NULL,
  summary jsonb,
  error text,
  requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
  cancelled_by uuid REFERENCES users(id) ON DELETE SET NULL,
  batch_id uuid,
  worker_id text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- one active sync job per data source, across processes and machines
CREATE UNIQUE INDEX sync_jobs_one_active_per_source ON sync_jobs (data_source_id)
  WHERE status IN ('pending', 'running', 'cancelling');
CREATE INDEX sync_jobs_created_at_idx ON sync_jobs (created_at DESC, id DESC);
CREATE INDEX sync_jobs_source_created_at_idx ON sync_jobs (data_source_id, created_at DESC);
CREATE INDEX sync_jobs_status_idx ON sync_jobs (status);

CREATE TABLE sync_job_events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_job_id uuid NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  level text NOT NULL,
  step_key text,
  message text NOT NULL
);
CREATE INDEX sync_job_events_job_idx ON sync_job_events (sync_job_id, id);

CREATE TABLE job_postings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  data_source_id uuid NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
  external_id text NOT NULL,
  url text NOT NULL,
  title text NOT NULL,
  company text,
  company_url text,
  logo_url text,
  salary_raw text,
  salary_min bigint,
  salary_max bigint,
  salary_currency text,
  salary_period text,
  salary_negotiable boolean NOT NULL DEFAULT false,
  locations text[] NOT NULL,
  provinces text[] NOT NULL,
  extra_locations integer NOT NULL DEFAULT 0,
  experience text,
  level text,
  deadline date,
  posted_at timestamptz,
  tags text[] NOT NULL,
  description_html text,
  requirements_html text,
  benefits_html text,
  working_time_html text,
  company_size text,
  company_address text,
  content_hash text NOT NULL,
  content_key text NOT NULL,
  duplicate_of integer REFERENCES job_postings(id) ON DELETE SET NULL,
  status posting_status NOT NULL DEFAULT 'open',
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  first_sync_job_id uuid REFERENCES sync_jobs(id) ON DELETE SET NULL,
  last_sync_job_id uuid REFERENCES sync_jobs(id) ON DELETE SET NULL,
  closed_at timestamptz,
  search_vector tsvector GENERATED ALWAYS AS (jobsync_search_vector(title, company, locations, tags, description_html)) STORED,
  CONSTRAINT job_postings_source_external_id UNIQUE (data_source_id, external_id)
);
CREATE INDEX job_postings_url_idx ON job_postings (url);
CREATE INDEX job_postings_content_key_idx ON job_postings (content_key);
CREATE INDEX job_postings_search_idx ON job_postings USING gin (search_vector);
CREATE INDEX job_postings_provinces_idx ON job_postings USING gin (provinces);
CREATE INDEX job_postings_title_trgm_idx ON job_postings USING gin (jobsync_unaccent(lower(title)) gin_trgm_ops);
CREATE INDEX job_postings_source_seen_idx ON job_postings (data_source_id, last_seen_at DESC);
