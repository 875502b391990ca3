import { z } from "zod";
import { boolean, intInRange, numberInRange, oneOf, slug } from "../field-rules";
import { syncOptionsShape } from "./sync-options";

/**
 * Listing pages per search at most: deep enough for any board's broadest search (TopCV lists up to a few hundred
 * pages), so a search is read to its last page when `max_jobs` allows.
 */
export const MAX_PAGES_CEILING = 1000;

export const FETCHERS = ["http", "browser"] as const;
export type FetcherKind = (typeof FETCHERS)[number];

/** The guide's TopCV configuration, stored on the data source. Unknown keys are rejected. */
export const topcvConfigSchema = z.strictObject({
  search_keywords: z
    .array(slug("search_keywords[]"), { error: "search_keywords must be a list of keyword slugs" })
    .min(1, { error: "search_keywords must hold from 1 to 50 keywords" })
    .max(50, { error: "search_keywords must hold from 1 to 50 keywords" })
    .default(["python-developer", "java-developer", "javascript-developer"]),
  max_pages: intInRange("max_pages", 1, MAX_PAGES_CEILING).default(5),
  request_delay: numberInRange("request_delay", 0, 60, "seconds").default(2.0),
  max_jobs: intInRange("max_jobs", 1, 10000).default(100),
  headless: boolean("headless").default(true),
  timeout: intInRange("timeout", 1, 300).default(30),
  fetcher: oneOf("fetcher", FETCHERS).default("browser"),
  fetch_details: boolean("fetch_details").default(true),
  ...syncOptionsShape,
});

export type TopcvConfig = z.output<typeof topcvConfigSchema>;
export type TopcvConfigInput = z.input<typeof topcvConfigSchema>;

/** The guide's example configuration, exactly, as seeded for the TopCV data source. */
export const TOPCV_GUIDE_CONFIG = {
  search_keywords: ["python-developer", "java-developer", "javascript-developer"],
  max_pages: 5,
  request_delay: 2.0,
  max_jobs: 100,
  headless: true,
  timeout: 30,
} as const;
