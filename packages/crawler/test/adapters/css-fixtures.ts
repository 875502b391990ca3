import { type CssConfig, type CssConfigInput, cssConfigSchema } from "@jobsync/contracts";

/** A css source describing the TopCV-shaped fixture board with selectors only (the README's TopCV facts). */
export function topcvLikeCssConfig(keyword: string, extra: Partial<CssConfigInput> = {}): CssConfig {
  return cssConfigSchema.parse({
    start_urls: [`/tim-viec-lam-${keyword}?type_keyword=1&sba=1`],
    page_url_template: "?page={page}",
    max_pages: 10,
    selectors: {
      card: "div.job-item-search-result[data-job-id]",
      id: "@data-job-id",
      title: "h3.title a span",
      link: "h3.title a@href",
      company: "a.company .company-name",
      salary: "label.title-salary",
      location: "label.address .city-text",
      next_page: "a[rel=next]",
    },
    drop_query_params: ["ta_source", "u_sr_id"],
    fetcher: "http",
    request_delay: 0,
    fetch_details: false,
    ...extra,
  });
}
