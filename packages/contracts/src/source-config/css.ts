import { z } from "zod";
import { crawlOptionsShape } from "./crawl-options";
import { cssSelector } from "./css-selector";
import { syncOptionsShape } from "./sync-options";

export * from "./css-selector";

/** An absolute http(s) URL, or a path ("/jobs?q=x") resolved against the data source's base_url. */
function urlOrPath(field: string) {
  const message = `${field} must be an http(s) URL or a path starting with /`;
  return z
    .string({ error: message })
    .max(2048, { error: `${field} must be at most 2048 characters` })
    .refine((value) => {
      if (value.startsWith("/") && !value.startsWith("//")) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, message);
}

export const cssListingSelectorsSchema = z.strictObject(
  {
    /** One element per job posting; the other selectors are applied inside it. */
    card: cssSelector("selectors.card"),
    title: cssSelector("selectors.title"),
    /** The posting's link; `@href` is read when no attribute is given. */
    link: cssSelector("selectors.link"),
    /** The board's id for the posting (e.g. `@data-job-id`); the link's path when absent. */
    id: cssSelector("selectors.id").optional(),
    company: cssSelector("selectors.company").optional(),
    salary: cssSelector("selectors.salary").optional(),
    location: cssSelector("selectors.location").optional(),
    /** A link to the next page (applied to the whole page): when the page has none, it is the last page. */
    next_page: cssSelector("selectors.next_page").optional(),
    /**
     * The board's "no results" message (applied to the whole page): when it matches, the search found nothing —
     * no posting is read from the page (the cards below it are suggestions) and it is the last page.
     */
    no_results: cssSelector("selectors.no_results").optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? "selectors must be an object with card, title and link" : undefined,
  },
);

export const cssDetailSelectorsSchema = z.strictObject(
  {
    title: cssSelector("detail_selectors.title").optional(),
    company: cssSelector("detail_selectors.company").optional(),
    salary: cssSelector("detail_selectors.salary").optional(),
    location: cssSelector("detail_selectors.location").optional(),
    deadline: cssSelector("detail_selectors.deadline").optional(),
    description: cssSelector("detail_selectors.description").optional(),
    requirements: cssSelector("detail_selectors.requirements").optional(),
    benefits: cssSelector("detail_selectors.benefits").optional(),
  },
  {
    error: (issue) => (issue.code === "invalid_type" ? "detail_selectors must be an object of selectors" : undefined),
  },
);

/**
 * A board described by CSS selectors only: no code. Page N (N ≥ 2) of a start URL is `page_url_template` with
 * `{page}` replaced: "?page={page}" sets a query parameter of the start URL, "/jobs/page/{page}" is a path on its
 * host, an absolute URL is taken as is. Without a template, `selectors.next_page` on page 1 gives the pattern (its
 * link to page 2, with N in place of 2); with neither, only page 1 of each start URL is read.
 */
export const cssConfigSchema = z.strictObject({
  start_urls: z
    .array(urlOrPath("start_urls[]"), { error: "start_urls must be a list of URLs" })
    .min(1, { error: "start_urls must hold from 1 to 20 URLs" })
    .max(20, { error: "start_urls must hold from 1 to 20 URLs" }),
  page_url_template: z
    .string({ error: "page_url_template must be text containing {page}" })
    .max(2048, { error: "page_url_template must be at most 2048 characters" })
    .refine((t) => t.includes("{page}"), { error: "page_url_template must contain {page}" })
    .refine((t) => t.startsWith("?") || (t.startsWith("/") && !t.startsWith("//")) || /^https?:\/\//.test(t), {
      error: "page_url_template must start with ?, / or http(s)://",
    })
    .optional(),
  selectors: cssListingSelectorsSchema,
  detail_selectors: cssDetailSelectorsSchema.optional(),
  /** Query parameters removed from posting links (tracking); utm_* always are. */
  drop_query_params: z
    .array(
      z.string({ error: "drop_query_params[] must be text" }).regex(/^[\w.-]{1,100}$/, {
        error: "drop_query_params[] must be a query parameter name",
      }),
      { error: "drop_query_params must be a list of parameter names" },
    )
    .max(50, { error: "drop_query_params must hold at most 50 names" })
    .default([]),
  ...crawlOptionsShape({ fetcher: "http", requestDelay: 2, fetchDetails: true, maxPages: 5 }),
  ...syncOptionsShape,
});

export type CssConfig = z.output<typeof cssConfigSchema>;
export type CssConfigInput = z.input<typeof cssConfigSchema>;
export type CssListingSelectors = z.output<typeof cssListingSelectorsSchema>;
export type CssDetailSelectors = z.output<typeof cssDetailSelectorsSchema>;
