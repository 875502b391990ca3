import type pg from "pg";

const SIGNATURE = "jobsync_search_vector(text, text, text[], text[], text)";
const TEXT = (description: string) => `left(regexp_replace(coalesce(${description}, ''), '<[^>]+>', ' ', 'g'), 20000)`;

/**
 * B9's corpus repeats its descriptions (126 distinct ones), and the description's words and syllable pairs are most
 * of the cost of a posting's generated search vector (~0.8 ms of a core each). While the corpus loads, the database's
 * `jobsync_search_vector` takes those two parts from a table computed once per distinct description (and computes
 * them as the migration does for any other description); every other part, and the order of the concatenation, is
 * the migration's. The migration's function is put back after the load, and `verify` checks a sample of stored vectors
 * against it: the load fails if a single one differs.
 */
export async function cacheDescriptionVectors(
  client: pg.Client,
  descriptionsSql: string,
): Promise<() => Promise<void>> {
  const original = (
    await client.query<{ definition: string }>(`SELECT pg_get_functiondef('${SIGNATURE}'::regprocedure) AS definition`)
  ).rows[0]!.definition;
  await client.query(`
    CREATE TABLE b9_description_parts AS
      SELECT d.html,
        setweight(to_tsvector('simple', jobsync_unaccent(lower(${TEXT("d.html")}))), 'D') AS words,
        jobsync_syllable_pairs(${TEXT("d.html")}) AS pairs
      FROM (${descriptionsSql}) AS d`);
  await client.query("CREATE INDEX ON b9_description_parts USING hash (html)");
  await client.query("ANALYZE b9_description_parts");
  await client.query(`
    CREATE OR REPLACE FUNCTION ${SIGNATURE.replace(/\((.*)\)/, "(title text, company text, locations text[], tags text[], description text)")}
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(title, '')))), 'A')
            || setweight(to_tsvector('simple', jobsync_unaccent(lower(coalesce(company, '')))), 'B')
            || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(tags, '{}'), ' ')))), 'B')
            || setweight(to_tsvector('simple', jobsync_unaccent(lower(array_to_string(coalesce(locations, '{}'), ' ')))), 'C')
            || coalesce((SELECT c.words FROM b9_description_parts c WHERE c.html = description),
                        setweight(to_tsvector('simple', jobsync_unaccent(lower(${TEXT("description")}))), 'D'))
            || jobsync_syllable_pairs(title)
            || jobsync_syllable_pairs(company)
            || jobsync_syllable_pairs(array_to_string(coalesce(tags, '{}'), ' , '))
            || jobsync_syllable_pairs(array_to_string(coalesce(locations, '{}'), ' , '))
            || coalesce((SELECT c.pairs FROM b9_description_parts c WHERE c.html = description),
                        jobsync_syllable_pairs(${TEXT("description")}))
      $$`);
  return async () => {
    await client.query(original);
    await client.query("DROP TABLE b9_description_parts");
  };
}

/** Stored search vectors of `sample` random postings that differ from what the migration's function computes. */
export async function differingVectors(client: pg.Client, sample: number): Promise<number> {
  const rows = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT * FROM job_postings ORDER BY random() LIMIT ${sample}) p
     WHERE p.search_vector IS DISTINCT FROM jobsync_search_vector(p.title, p.company, p.locations, p.tags, p.description_html)`,
  );
  return Number(rows.rows[0]!.n);
}
