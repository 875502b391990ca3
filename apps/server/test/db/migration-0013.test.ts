import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations } from "../../src/db/migrate";
import { queryRows } from "../../src/db/query-rows";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

/** Migration 0009's jobsync_search_vector, verbatim, under another name: what 0013's must equal on every input. */
function definitionOf0009(): string {
  const migration = loadMigrations().find((m) => m.name.startsWith("0009_"))?.sql ?? "";
  const start = migration.indexOf("CREATE OR REPLACE FUNCTION jobsync_search_vector(");
  const end = migration.indexOf("$$;", migration.indexOf("AS $$", start)) + 3;
  return migration.slice(start, end).replace("FUNCTION jobsync_search_vector(", "FUNCTION jobsync_search_vector_0009(");
}

interface VectorInput {
  title: string | null;
  company: string | null;
  locations: Array<string | null> | null;
  tags: Array<string | null> | null;
  description: string | null;
}

/** Real TopCV postings (another crawler's parse of 300 pages): title, company, locations, industry as a tag, sections. */
function realInputs(): VectorInput[] {
  const file = new URL("../../../../../shared/samples/topcv/details-parsed-300.jsonl", import.meta.url);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const row = JSON.parse(line) as {
        title: string;
        locations: string[];
        company: { name: string | null; industry?: string | null };
        general_info?: { cap_bac?: string | null };
        detail_sections: Record<string, { html: string | null }>;
      };
      return {
        title: row.title,
        company: row.company.name,
        locations: row.locations,
        tags: [row.company.industry ?? null, row.general_info?.cap_bac ?? null].filter((t) => t !== null),
        description: Object.values(row.detail_sections)
          .map((s) => s.html ?? "")
          .join("\n"),
      };
    });
}

const EDGE_CASES: VectorInput[] = [
  { title: null, company: null, locations: null, tags: null, description: null },
  { title: "", company: "", locations: [], tags: [], description: "" },
  {
    title: "Kế toán tổng hợp",
    company: null,
    locations: ["Hà Nội", null, "Hồ Chí Minh"],
    tags: [null],
    description: null,
  },
  {
    title: "C++ / C# Developer (Senior) - 2025",
    company: "CÔNG TY TNHH ĐẦU TƯ",
    locations: ["Đà Nẵng"],
    tags: ["C++", "C#", ".NET"],
    description: "<p>a</p><p>b</p>",
  },
  {
    title: "___ --- !!!",
    company: "snake_case_name",
    locations: ["Bình Dương: KCN Sóng Thần, 1"],
    tags: ["a , b", "c,d"],
    description: "<div><ul><li>một</li><li>hai ba</li></ul></div>",
  },
  {
    title: "Đại lý ĐĂNG KIỂM đ Đ",
    company: "Ơ Ư Ă Â Ê Ô",
    locations: ["Thừa Thiên Huế"],
    tags: ["Điện tử viễn thông"],
    description: "<br><br/>&nbsp;&amp; <b>không</b> có gì",
  },
  // a description past the 20,000 characters the vector reads, cut inside a word and inside a tag
  {
    title: "Dài",
    company: "X",
    locations: [],
    tags: [],
    description: `<p>${"phát triển phần mềm ".repeat(1100)}</p><span class="x">đuôi</span>`,
  },
  {
    title: "số 123 và 4,5 triệu",
    company: "A1 B2",
    locations: ["Quận 1"],
    tags: ["1", "2"],
    description: "<p>lương 10-15 triệu/tháng, 13th month</p>",
  },
];

describe.each(databaseKinds())("migration 0013 on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.database.db.execute(sql.raw(definitionOf0009()));
  });
  afterAll(() => db.close());

  it("computes exactly the search vectors migration 0009 did, on real postings and edge cases", async () => {
    const inputs = [...realInputs(), ...EDGE_CASES];
    expect(inputs.length).toBe(300 + EDGE_CASES.length);
    const array = (key: string) =>
      sql.raw(`CASE WHEN jsonb_typeof(x->'${key}') = 'array'
                 THEN ARRAY(SELECT jsonb_array_elements_text(x->'${key}')) END`);
    const rows = await queryRows<{ ord: string; now: string; before: string }>(
      db.database.db,
      sql`WITH input AS (
            SELECT ord, x->>'title' AS title, x->>'company' AS company, ${array("locations")} AS locations,
                   ${array("tags")} AS tags, x->>'description' AS description
            FROM jsonb_array_elements(${JSON.stringify(inputs)}::jsonb) WITH ORDINALITY AS t(x, ord))
          SELECT ord,
                 jobsync_search_vector(title, company, locations, tags, description)::text AS now,
                 jobsync_search_vector_0009(title, company, locations, tags, description)::text AS before
          FROM input ORDER BY ord`,
    );
    expect(rows).toHaveLength(inputs.length);
    const differing = rows.filter((r) => r.now !== r.before).map((r) => ({ input: Number(r.ord), ...r }));
    expect(differing).toEqual([]);
    // not equal by being empty: the real postings have words and syllable pairs, weighted
    const real = rows.slice(0, 300);
    expect(real.every((r) => /'[a-z0-9]+_[a-z0-9]+'/.test(r.now) && /:\d+A/.test(r.now))).toBe(true);
    expect(rows[300]?.now).toBe("");
  });

  it("is the definition the generated column uses", async () => {
    const [row] = await queryRows<{ source: string }>(
      db.database.db,
      sql`SELECT prosrc AS source FROM pg_proc WHERE proname = 'jobsync_search_vector'`,
    );
    expect(row?.source).toContain("FOREACH field IN ARRAY");
  });
});
