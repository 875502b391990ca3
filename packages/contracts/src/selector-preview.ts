import { z } from "zod";
import { httpUrl } from "./field-rules";

/**
 * "Test selectors": fetch one page of a css source (not saved yet, or being edited) through the real fetcher and
 * show what its selectors read. `url` defaults to the first start URL.
 */
export const selectorPreviewRequestSchema = z.strictObject({
  base_url: httpUrl("base_url"),
  config: z.record(z.string(), z.unknown(), { error: "config must be a JSON object" }),
  url: httpUrl("url").optional(),
});
export type SelectorPreviewRequest = z.infer<typeof selectorPreviewRequestSchema>;

export const previewCardSchema = z.object({
  external_id: z.string(),
  url: z.string(),
  title: z.string(),
  company: z.string().nullable(),
  salary_text: z.string().nullable(),
  location_text: z.string().nullable(),
});
export type PreviewCard = z.infer<typeof previewCardSchema>;

export const SELECTOR_PREVIEW_OUTCOMES = ["ok", "fetch_failed", "blocked", "parse_failed"] as const;

export const selectorPreviewSchema = z.object({
  url: z.string(),
  /** ok: the page was fetched and read; otherwise `error` says why nothing could be read. */
  outcome: z.enum(SELECTOR_PREVIEW_OUTCOMES),
  error: z.string().nullable(),
  http_status: z.int().nullable(),
  /** Elements matched by selectors.card. */
  card_count: z.int(),
  /** The cards read (at most 50). */
  cards: z.array(previewCardSchema),
  skipped: z.array(z.object({ reason: z.string(), external_id: z.string().nullable() })),
  /** Per configured selector: in how many cards it matched (card: 1 when any card matched; next_page: 1 or 0). */
  matches: z.record(z.string(), z.int()),
  /** Configured selectors that matched nothing, e.g. ["selectors.salary"]. */
  unmatched: z.array(z.string()),
  is_last_page: z.boolean(),
  next_url: z.string().nullable(),
});
export type SelectorPreview = z.infer<typeof selectorPreviewSchema>;
