import type { FixtureBoard, RequestRecord } from "@jobsync/fixture-board";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/db/query-rows";
import type { TestApp } from "../support/test-app";

/** Faults after which the page the client read is still the whole page. */
const WHOLE_PAGE_FAULTS = new Set([null, "latency", "charset"]);

export interface ReachedCards {
  /** Cards of listing pages answered in full: every one of them must be stored. */
  surely: Set<string>;
  /** Cards of every listing page that answered 200 at all (truncated included): nothing else may be stored. */
  possibly: Set<string>;
  /** Listing requests seen, for the report. */
  listingRequests: number;
}

function pageOf(record: RequestRecord): { keyword: string; page: number } | null {
  const url = new URL(record.url, "http://board");
  const match = /^\/tim-viec-lam-([a-z0-9-]+)$/.exec(url.pathname);
  if (!match?.[1]) return null;
  return { keyword: match[1], page: Number(url.searchParams.get("page") ?? "1") };
}

/**
 * The oracle of the fault matrix, from the board's own request log: which served cards the sync job reached. A card
 * counts as reached when a listing page showing it was answered (status 200); detail pages never decide, since a
 * posting whose detail page failed is still saved from its card.
 */
export function reachedCards(board: FixtureBoard): ReachedCards {
  const surely = new Set<string>();
  const possibly = new Set<string>();
  const listings = board.stats().requests.filter((r) => r.kind === "listing");
  for (const record of listings) {
    const page = pageOf(record);
    if (!page || record.status !== 200) continue;
    const cards = board.expectedCards(page.keyword, page.page).filter((c) => c.page === page.page);
    for (const card of cards) {
      possibly.add(card.external_id);
      if (WHOLE_PAGE_FAULTS.has(record.fault)) surely.add(card.external_id);
    }
  }
  return { surely, possibly, listingRequests: listings.length };
}

/** External ids stored for one data source, with repeats (a repeat would be a posting saved twice). */
export async function storedIds(t: TestApp, siteName: string): Promise<string[]> {
  const rows = await queryRows<{ external_id: string }>(
    t.db.database.db,
    sql`SELECT p.external_id FROM job_postings p JOIN data_sources d ON d.id = p.data_source_id
        WHERE d.site_name = ${siteName}`,
  );
  return rows.map((r) => r.external_id);
}
