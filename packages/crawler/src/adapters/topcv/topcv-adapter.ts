import type { TopcvConfig } from "@jobsync/contracts";
import type { SiteAdapter } from "../adapter";
import { buildDraft } from "../build-draft";
import { parseTopcvDetail } from "./detail-parser";
import { parseTopcvListing } from "./listing-parser";
import { topcvListingTargets } from "./listing-targets";
import { homePageUrl } from "./urls";

/** TopCV (topcv.vn), or any board with its pages, such as the local fixture board. */
export const topcvAdapter: SiteAdapter<TopcvConfig> = {
  kind: "topcv",
  homeUrl: "https://www.topcv.vn/",
  availabilityUrl: (baseUrl) => homePageUrl(baseUrl),
  listingTargets: (baseUrl, config) => topcvListingTargets(baseUrl, config),
  parseListing: (body, pageUrl) => parseTopcvListing(body, pageUrl),
  parseDetail: (body, url) => parseTopcvDetail(body, url),
  toDraft: (card, detail, context) => buildDraft(card, detail, context),
};
