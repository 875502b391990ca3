import type { PostingStatus } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { databaseErrorMessage, isDataError, postgresError } from "../db/database-error";
import { queryRows } from "../db/query-rows";
import { intArray, textArray } from "../db/sql-arrays";
import type { ExistingKeys } from "./duplicate-plan";
import { NORMALISED_COLUMN_TYPES, normalisedColumns } from "./normalised-columns";

const OPEN: PostingStatus = "open";
const CLOSED: PostingStatus = "closed";

/** Rows per INSERT statement: one JSON parameter each, so no parameter-count limit applies. */
export const SAVE_BATCH_SIZE = 500;

function toRecord(draft: PostingDraft, ord: number) {
  return {
    ord,
    ...normalisedColumns(draft.salary, draft.experience_years),
    external_id: draft.external_id,
    url: draft.url,
    title: draft.title,
    company: draft.company,
    company_url: draft.company_url,
    logo_url: draft.logo_url,
    locations: draft.locations,
    provinces: draft.provinces,
    extra_locations: draft.extra_locations,
    experience: draft.experience,
    level: draft.level,
    deadline: draft.deadline,
    posted_at: draft.posted_at,
    tags: draft.tags,
    description_html: draft.description_html,
    requirements_html: draft.requirements_html,
    benefits_html: draft.benefits_html,
    working_time_html: draft.working_time_html,
    company_size: draft.company_size,
    company_address: draft.company_address,
    content_hash: draft.content_hash,
    content_key: draft.content_key,
  };
}

const COLUMNS = `ord integer, external_id text, url text, title text, company text, company_url text, logo_url text,
  ${NORMALISED_COLUMN_TYPES}, locations text[], provinces text[], extra_locations integer, experience text,
  level text, deadline date, posted_at timestamptz, tags text[], description_html text, requirements_html text,
  benefits_html text, working_time_html text, company_size text, company_address text, content_hash text,
  content_key text`;

const NAMES = `external_id, url, title, company, company_url, logo_url, salary_raw, salary_min, salary_max,
  salary_currency, salary_period, salary_negotiable, salary_monthly_min_vnd, salary_monthly_max_vnd, locations,
  provinces, extra_locations, experience, experience_min_years, experience_max_years, level, deadline, posted_at,
  tags, description_html, requirements_html, benefits_html, working_time_html, company_size, company_address,
  content_hash, content_key`;

const UPDATES = NAMES.split(",")
  .map((n) => n.trim())
  .filter((n) => n !== "external_id")
  .map((n) => `${n} = EXCLUDED.${n}`)
  .join(", ");

/**
 * Where a batch's pages come from: `site` (fetched now: its postings are seen now) or `archive` (a re-process of
 * archived pages: only their content is corrected; whether they are still listed is the site's to say, so their
 * last-seen time, status and missed sync jobs stay as they are).
 */
export type PagesFrom = "site" | "archive";

/** A posting the database would not store, with why: counted invalid, the rest of its batch saved. */
export interface RefusedPosting {
  external_id: string;
  url: string;
  /** The stored column at fault, when it can be told. */
  field: string | null;
  /** The database's reason, never SQL text. */
  reason: string;
}

export interface SaveCounts {
  added: number;
  updated: number;
  refused: RefusedPosting[];
}

/** A failure of the database itself (not of a posting): its message is safe to show, no SQL in it. */
export class PostingSaveError extends Error {
  constructor(cause: unknown) {
    super(`could not save job postings: ${databaseErrorMessage(cause)}`, { cause });
    this.name = "PostingSaveError";
  }
}

/** All SQL that writes job postings. */
export class PostingWriteRepository {
  constructor(private readonly db: Db) {}

  /** Look up what is stored under the drafts' keys (one query per key kind). */
  async existingKeys(dataSourceId: string, drafts: readonly PostingDraft[]): Promise<ExistingKeys> {
    const ids = drafts.map((d) => d.external_id);
    const urls = drafts.map((d) => d.url);
    const keys = drafts.map((d) => d.content_key);
    const [byId, byUrl, byKey] = await Promise.all([
      queryRows<{ id: number; external_id: string; content_hash: string }>(
        this.db,
        sql`SELECT id, external_id, content_hash FROM job_postings
            WHERE data_source_id = ${dataSourceId} AND external_id = ANY(${textArray(ids)})`,
      ),
      queryRows<{ id: number; url: string }>(
        this.db,
        sql`SELECT id, url FROM job_postings WHERE url = ANY(${textArray(urls)})`,
      ),
      queryRows<{ id: number; content_key: string }>(
        this.db,
        sql`SELECT min(id) AS id, content_key FROM job_postings
            WHERE content_key = ANY(${textArray(keys)}) GROUP BY content_key`,
      ),
    ]);
    return {
      byExternalId: new Map(byId.map((r) => [r.external_id, { id: Number(r.id), contentHash: r.content_hash }])),
      byUrl: new Map(byUrl.map((r) => [r.url, Number(r.id)])),
      byContentKey: new Map(byKey.map((r) => [r.content_key, Number(r.id)])),
    };
  }

  /** The data source name of each of these postings (the originals of "same content" duplicates). */
  async siteNamesOf(postingIds: readonly number[]): Promise<Map<number, string>> {
    if (postingIds.length === 0) return new Map();
    const rows = await queryRows<{ id: number; site_name: string }>(
      this.db,
      sql`SELECT p.id, ds.site_name FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE p.id = ANY(${intArray(postingIds)})`,
    );
    return new Map(rows.map((r) => [Number(r.id), r.site_name]));
  }

  /**
   * Upsert one batch in one transaction (the caller's, when it passes one): new rows are inserted in the drafts'
   * order (so ids follow listing order and the first-listed of two same-content postings is the original), known ids
   * whose content hash changed are updated, and the search vector (a generated column) follows in the same
   * statement. Idempotent: re-running a batch after
   * a crash updates instead of duplicating. When the database refuses the data of a row (class 22/23/54: a NUL
   * character, a value too large to index...), the batch is split in halves and saved again, down to that row,
   * which is returned as refused with its reason while every other row is saved. Any other failure throws a
   * PostingSaveError, whose message holds no SQL.
   */
  async upsertBatch(
    dataSourceId: string,
    syncJobId: string,
    drafts: readonly PostingDraft[],
    db: Db = this.db,
    from: PagesFrom = "site",
  ): Promise<SaveCounts> {
    if (drafts.length === 0) return { added: 0, updated: 0, refused: [] };
    try {
      return { ...(await this.writeBatch(dataSourceId, syncJobId, drafts, db, from)), refused: [] };
    } catch (error) {
      if (!isDataError(error)) throw new PostingSaveError(error);
      const [draft] = drafts;
      if (drafts.length === 1 && draft) return { added: 0, updated: 0, refused: [refusal(draft, error)] };
      const half = Math.ceil(drafts.length / 2);
      const first = await this.upsertBatch(dataSourceId, syncJobId, drafts.slice(0, half), db, from);
      const second = await this.upsertBatch(dataSourceId, syncJobId, drafts.slice(half), db, from);
      return {
        added: first.added + second.added,
        updated: first.updated + second.updated,
        refused: [...first.refused, ...second.refused],
      };
    }
  }

  private async writeBatch(
    dataSourceId: string,
    syncJobId: string,
    drafts: readonly PostingDraft[],
    db: Db,
    from: PagesFrom,
  ): Promise<Omit<SaveCounts, "refused">> {
    const payload = JSON.stringify(drafts.map((d, i) => toRecord(d, i)));
    // a changed posting a sync job fetched from the site is also seen now (and open again)
    const seenNow = sql`, last_seen_at = now(), last_sync_job_id = EXCLUDED.last_sync_job_id, status = ${OPEN},
      closed_at = null, missed_syncs = 0`;
    let counts = { added: 0, updated: 0 };
    await db.transaction(async (tx) => {
      // "same URL, any source: not stored twice" must hold when two sources save at once (the duplicate plan was
      // read before): batches take turns, and a URL another posting took meanwhile is skipped here
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('jobsync:job_postings:url'))`);
      // each row written is also logged in sync_job_postings as 'added' or 'updated' by this sync job (the first
      // change wins when a re-run writes it again), which the sync job export reads
      const rows = await queryRows<{ inserted: boolean }>(
        tx as unknown as Db,
        sql`WITH written AS (
              INSERT INTO job_postings (data_source_id, first_sync_job_id, last_sync_job_id, ${sql.raw(NAMES)})
              SELECT ${dataSourceId}::uuid, ${syncJobId}::uuid, ${syncJobId}::uuid, ${sql.raw(NAMES)}
              FROM jsonb_to_recordset(${payload}::jsonb) AS r(${sql.raw(COLUMNS)})
              WHERE NOT EXISTS (SELECT 1 FROM job_postings o WHERE o.url = r.url
                                AND NOT (o.data_source_id = ${dataSourceId}::uuid AND o.external_id = r.external_id))
              ORDER BY r.ord
              ON CONFLICT (data_source_id, external_id) DO UPDATE SET ${sql.raw(UPDATES)}
                ${from === "site" ? seenNow : sql``}
              WHERE job_postings.content_hash IS DISTINCT FROM EXCLUDED.content_hash
              RETURNING id, (xmax = 0) AS inserted
            ), logged AS (
              INSERT INTO sync_job_postings (sync_job_id, job_posting_id, change)
              SELECT ${syncJobId}::uuid, id, CASE WHEN inserted THEN 'added' ELSE 'updated' END FROM written
              ON CONFLICT (sync_job_id, job_posting_id) DO NOTHING
            )
            SELECT inserted FROM written`,
      );
      const added = rows.filter((r) => r.inserted).length;
      counts = { added, updated: rows.length - added };
    });
    return counts;
  }

  /** Postings seen again unchanged: only their last-seen time and sync job move. */
  async touch(ids: readonly number[], syncJobId: string, db: Db = this.db): Promise<void> {
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      await db.execute(
        sql`UPDATE job_postings SET last_seen_at = now(), last_sync_job_id = ${syncJobId}::uuid,
              status = 'open', closed_at = null, missed_syncs = 0
            WHERE id = ANY(${intArray(chunk)})`,
      );
    }
  }

  /**
   * Postings of this source whose detail page now says they are gone (404/410, "no longer accepting"): closed, as the
   * expiry sweep closes them. Returns how many were open.
   */
  async closeGone(dataSourceId: string, externalIds: readonly string[], db: Db = this.db): Promise<number> {
    if (externalIds.length === 0) return 0;
    const rows = await queryRows<{ id: number }>(
      db,
      sql`UPDATE job_postings SET status = ${CLOSED}, closed_at = now()
          WHERE data_source_id = ${dataSourceId}::uuid AND external_id = ANY(${textArray(externalIds)})
            AND status = ${OPEN}
          RETURNING id`,
    );
    return rows.length;
  }

  /**
   * Link this sync job's postings that repeat an earlier posting's content (title + company + province) to that
   * original (`duplicate_of`). Set-based, after the batches are in.
   */
  async linkContentDuplicates(syncJobId: string, from: PagesFrom = "site"): Promise<number> {
    // a re-process leaves the postings' last sync job as it was: its own are the ones it wrote (sync_job_postings)
    const own =
      from === "site"
        ? sql`p.last_sync_job_id = ${syncJobId}::uuid`
        : sql`p.id IN (SELECT job_posting_id FROM sync_job_postings WHERE sync_job_id = ${syncJobId}::uuid)`;
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`UPDATE job_postings p SET duplicate_of = o.id
          FROM (SELECT content_key, min(id) AS id FROM job_postings
                WHERE content_key IN (SELECT p.content_key FROM job_postings p WHERE ${own})
                GROUP BY content_key) o
          WHERE ${own} AND p.content_key = o.content_key AND p.id <> o.id
            AND p.duplicate_of IS DISTINCT FROM o.id
          RETURNING p.id`,
    );
    return rows.length;
  }
}

/** Characters PostgreSQL cannot store in text: NUL, and a UTF-16 surrogate without its pair. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is what it is for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whole numbers a bigint column holds are below 2^63. */
const BIGINT_LIMIT = 2 ** 63;

/** Why the database refused this posting, and the column at fault when it names one or the data shows it. */
function refusal(draft: PostingDraft, error: unknown): RefusedPosting {
  const pg = postgresError(error);
  const record: Record<string, unknown> = toRecord(draft, 0);
  const unstorable = (v: unknown) =>
    (typeof v === "string" && UNSTORABLE.test(v)) || (typeof v === "number" && !(Math.abs(v) < BIGINT_LIMIT));
  const suspect = Object.entries(record).find(([, value]) => (Array.isArray(value) ? value : [value]).some(unstorable));
  return {
    external_id: draft.external_id,
    url: draft.url,
    field: pg?.column ?? suspect?.[0] ?? null,
    reason: databaseErrorMessage(error),
  };
}
