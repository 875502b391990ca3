-- Issue 19: job postings at a million rows. Keyset paging indexes, and a search index that answers phrases without
-- reading the (TOASTed) search vectors: every pair of neighbouring syllables is a lexeme of its own ('ke_toan').

-- The pairs of neighbouring syllables of a text, unaccented and lower-cased ("Kế toán tổng" → 'ke_toan' 'toan_tong').
-- A multi-syllable search asks for its pairs, so "ke toan" no longer matches "kế hoạch ... toàn thời gian", and GIN
-- answers it exactly (no positions to recheck on the heap). Strings of letters and digits are syllables.
CREATE OR REPLACE FUNCTION jobsync_syllable_pairs(value text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    pairs text[] := '{}';
    previous text := '';
    word text;
  BEGIN
    FOREACH word IN ARRAY regexp_split_to_array(jobsync_unaccent(lower(coalesce(value, ''))), '[^[:alnum:]]+') LOOP
      IF word <> '' THEN
        IF previous <> '' THEN
          pairs := pairs || (previous || '_' || word);
        END IF;
        previous := word;
      END IF;
    END LOOP;
    RETURN array_to_tsvector(pairs);
  END
  $$;

-- The search vector: the words (weighted as before) and the syllable pairs of every field. Same signature, so the
-- generated column keeps its definition; the UPDATE below recomputes it for the rows already stored.
CREATE OR REPLACE FUNCTION jobsync_search_vector(title text, company text, locations text[], tags text[], description text)
  RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(title, '')))), 'A')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(company, '')))), 'B')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(tags, '{}'), ' ')))), 'B')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(locations, '{}'), ' ')))), 'C')
        || setweight(to_tsvector('simple', jobsync_unaccent(lower(left(regexp_replace(coalesce(description, ''), '<[^>]+>', ' ', 'g'), 20000)))), 'D')
        || jobsync_syllable_pairs(title)
        || jobsync_syllable_pairs(company)
        || jobsync_syllable_pairs(array_to_string(coalesce(tags, '{}'), ' , '))
        || jobsync_syllable_pairs(array_to_string(coalesce(locations, '{}'), ' , '))
        || jobsync_syllable_pairs(left(regexp_replace(coalesce(description, ''), '<[^>]+>', ' ', 'g'), 20000))
  $$;

-- The small vector of what a posting is called: title and tags, words and syllable pairs. Short enough to stay in the
-- row, so ranking "title hits first" reads no TOAST.
CREATE OR REPLACE FUNCTION jobsync_title_vector(title text, tags text[])
  RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT to_tsvector('simple', jobsync_unaccent(lower(coalesce(title, '') || ' ' || array_to_string(coalesce(tags, '{}'), ' '))))
        || jobsync_syllable_pairs(title)
        || jobsync_syllable_pairs(array_to_string(coalesce(tags, '{}'), ' , '))
  $$;

ALTER TABLE job_postings ADD COLUMN title_vector tsvector
  GENERATED ALWAYS AS (jobsync_title_vector(title, tags)) STORED;
UPDATE job_postings SET title = title;
CREATE INDEX job_postings_title_vector_idx ON job_postings USING gin (title_vector);

-- Keyset paging, newest first: open postings (the default list) and every posting (status=all or closed).
CREATE INDEX job_postings_open_seen_idx ON job_postings (last_seen_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX job_postings_seen_idx ON job_postings (last_seen_at DESC, id DESC);
CREATE INDEX job_postings_open_source_seen_idx ON job_postings (data_source_id, last_seen_at DESC, id DESC)
  WHERE status = 'open';

-- the rate limits of the public API and the failed logins, shared by every API process (see auth/rate-limit-store.ts)
CREATE TABLE rate_limit_counters (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_ends_at);
