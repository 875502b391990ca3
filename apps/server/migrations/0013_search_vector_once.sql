-- Issue 12: the search vector of a posting, computed as before but with each field lower-cased and unaccented once.
-- Migration 0009's definition (a SQL function) stripped the description's tags and unaccented it twice (once for its
-- words, once for its syllable pairs) and called jobsync_syllable_pairs five times. The vectors are identical (the
-- migration test compares both definitions on real pages and edge cases), so the stored ones stay valid; a posting's
-- save costs PostgreSQL less (B1, B3). Same signature: the generated column keeps its definition.
CREATE OR REPLACE FUNCTION jobsync_search_vector(title text, company text, locations text[], tags text[], description text)
  RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    title_text text := jobsync_unaccent(lower(coalesce(title, '')));
    company_text text := jobsync_unaccent(lower(coalesce(company, '')));
    -- joined with ' ' (0009 joined them with ' , ' for the pairs: the same words, so the same pairs)
    tags_text text := jobsync_unaccent(lower(array_to_string(coalesce(tags, '{}'), ' ')));
    locations_text text := jobsync_unaccent(lower(array_to_string(coalesce(locations, '{}'), ' ')));
    description_text text :=
      jobsync_unaccent(lower(left(regexp_replace(coalesce(description, ''), '<[^>]+>', ' ', 'g'), 20000)));
    pairs text[] := '{}';
    field text;
    previous text;
    word text;
  BEGIN
    -- the syllable pairs of each field (never across two fields), as jobsync_syllable_pairs reads them
    FOREACH field IN ARRAY ARRAY[
      title_text,
      company_text,
      tags_text,
      locations_text,
      description_text
    ] LOOP
      previous := '';
      FOREACH word IN ARRAY regexp_split_to_array(field, '[^[:alnum:]]+') LOOP
        IF word <> '' THEN
          IF previous <> '' THEN
            pairs := pairs || (previous || '_' || word);
          END IF;
          previous := word;
        END IF;
      END LOOP;
    END LOOP;
    RETURN setweight(to_tsvector('simple', title_text), 'A')
        || setweight(to_tsvector('simple', company_text), 'B')
        || setweight(to_tsvector('simple', tags_text), 'B')
        || setweight(to_tsvector('simple', locations_text), 'C')
        || setweight(to_tsvector('simple', description_text), 'D')
        || array_to_tsvector(pairs);
  END
  $$;
