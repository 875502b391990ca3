import type { TopcvConfig } from "@jobsync/contracts";
import type { ListingTarget } from "../adapter";
import { searchPageUrl } from "./urls";

/** Generate URLs: one search per configured keyword, at most `max_pages` pages each. */
export function topcvListingTargets(
  baseUrl: string,
  config: Pick<TopcvConfig, "search_keywords" | "max_pages">,
): ListingTarget[] {
  searchPageUrl(baseUrl, "probe", 1); // a bad base_url fails here, once, with its own message
  return config.search_keywords.map(
    (keyword): ListingTarget => ({
      label: keyword,
      pageUrl: (page: number) => searchPageUrl(baseUrl, keyword, page),
      maxPages: config.max_pages,
    }),
  );
}
