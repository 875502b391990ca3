import type { ItviecConfig } from "@jobsync/contracts";
import type { ListingTarget, SiteAdapter } from "../adapter";
import { parseItviecDetail } from "./detail-parser";
import { parseItviecListing } from "./listing-parser";
import { itviecDraft } from "./to-draft";
import { itviecCompanyUrl, itviecHomeUrl, itviecSearchUrl } from "./urls";

/** Generate URLs: one search per keyword (up to max_pages pages), then one page per company. */
export function itviecListingTargets(baseUrl: string, config: ItviecConfig): ListingTarget[] {
  itviecHomeUrl(baseUrl); // a bad base_url fails here, once
  return [
    ...config.search_keywords.map((keyword) => ({
      label: keyword,
      pageUrl: (page: number) => itviecSearchUrl(baseUrl, keyword, page),
      maxPages: config.max_pages,
    })),
    ...config.companies.map((company) => ({
      label: `company ${company}`,
      pageUrl: (_page: number) => itviecCompanyUrl(baseUrl, company),
      maxPages: 1,
    })),
  ];
}

/** ITviec (itviec.com): IT jobs in Vietnam, behind Cloudflare (the browser fetcher is the default). */
export const itviecAdapter: SiteAdapter<ItviecConfig> = {
  kind: "itviec",
  homeUrl: "https://itviec.com/",
  availabilityUrl: (baseUrl) => itviecHomeUrl(baseUrl),
  listingTargets: itviecListingTargets,
  parseListing: parseItviecListing,
  parseDetail: parseItviecDetail,
  toDraft: itviecDraft,
};
