import { sql } from "drizzle-orm";
import { bearer, type TestApp } from "./test-app";

export interface PostingSeed {
  title: string;
  description?: string;
  tags?: string[];
  provinces?: string[];
  /** Seconds before now the posting was last seen (newer first in lists). */
  seenSecsAgo?: number;
}

/** A data source for postings written straight into the database (no sync). Returns its id. */
export async function createBulkSource(t: TestApp, siteName: string): Promise<string> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/admin/data-sources",
    headers: bearer(t.adminToken),
    payload: { site_name: siteName, kind: "topcv", base_url: `https://${siteName.toLowerCase()}.example` },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

let next = 0;

/** Insert postings as a sync would have stored them (the generated search vectors included); returns their ids. */
export async function insertPostings(t: TestApp, sourceId: string, seeds: PostingSeed[]): Promise<number[]> {
  const rows = seeds.map((s) => ({
    external_id: `seed-${++next}`,
    title: s.title,
    description: s.description ?? null,
    tags: s.tags ?? [],
    provinces: s.provinces ?? ["Hà Nội"],
    seen: s.seenSecsAgo ?? 0,
  }));
  const result = (await t.db.database.db.execute(sql`
    INSERT INTO job_postings (data_source_id, external_id, url, title, description_html, locations, provinces, tags,
      content_hash, content_key, last_seen_at)
    SELECT ${sourceId}::uuid, r.external_id, 'https://bulk.example/job/' || r.external_id, r.title, r.description,
      ARRAY(SELECT jsonb_array_elements_text(r.provinces)), ARRAY(SELECT jsonb_array_elements_text(r.provinces)),
      ARRAY(SELECT jsonb_array_elements_text(r.tags)), 'h' || r.external_id, 'k' || r.external_id,
      now() - r.seen * interval '1 second'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(external_id text, title text, description text, tags jsonb, provinces jsonb, seen double precision)
    RETURNING id`)) as unknown as { rows: Array<{ id: number }> };
  return result.rows.map((r) => Number(r.id));
}
