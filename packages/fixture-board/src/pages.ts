import { renderApi } from "./ats-api";
import type { Catalog } from "./catalog";
import { detailInLayout } from "./detail-layout";
import type { LayoutVariant } from "./faults";
import { renderBrandDetail, renderStandardDetail } from "./render-detail";
import { renderListing } from "./render-listing";
import type { Route } from "./routes";
import { renderApplyPage, renderHome, renderNotFound, staticAsset } from "./static-pages";

/** A normal answer, before faults, encoding and compression. */
export interface Page {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface PageContext {
  catalog: Catalog;
  origin: string;
  pageWeightBytes: number;
  robotsTxt: string;
  homeKeywords: readonly string[];
  /** A `layout` fault in force for this request. */
  layout?: LayoutVariant | null;
}

const HTML = "text/html; charset=UTF-8";

function html(status: number, body: string): Page {
  return { status, headers: { "content-type": HTML }, body };
}

/** `page` query parameter: a positive integer, else page 1 (as the real site does). */
function pageParam(query: URLSearchParams): number {
  const raw = query.get("page");
  const page = raw === null ? 1 : Number(raw);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function renderPage(route: Route, pathname: string, query: URLSearchParams, ctx: PageContext): Page {
  switch (route.kind) {
    case "home":
      return html(200, renderHome(ctx.origin, ctx.homeKeywords));
    case "robots":
      return { status: 200, headers: { "content-type": "text/plain; charset=UTF-8" }, body: ctx.robotsTxt };
    case "apply":
      return html(200, renderApplyPage());
    case "asset": {
      const asset = staticAsset(route.path);
      if (!asset) return html(404, renderNotFound(pathname));
      return {
        status: 200,
        headers: { "content-type": asset.contentType, "cache-control": "max-age=3600" },
        body: asset.body,
      };
    }
    case "listing": {
      const { catalog } = ctx;
      const page = pageParam(query);
      const totalPages = catalog.pageCount(route.keyword);
      const postings = catalog.idsOn(route.keyword, page).map((id) => catalog.posting(id));
      const body = renderListing({
        origin: ctx.origin,
        keyword: route.keyword,
        page,
        totalPages,
        postings,
        totalPostings:
          Math.max(0, totalPages - 1) * catalog.cardCount(route.keyword, 1) +
          catalog.cardCount(route.keyword, totalPages),
        pageWeightBytes: ctx.pageWeightBytes,
        layout: ctx.layout ?? null,
      });
      return html(200, body);
    }
    case "detail": {
      const { catalog } = ctx;
      if (!catalog.isKnownId(route.id)) return html(404, renderNotFound(pathname));
      const posting = catalog.posting(route.id);
      const canonical = new URL(posting.url);
      // another template or slug than the posting's: send the client to the canonical URL, as the real site does
      if (canonical.pathname !== pathname) {
        return { status: 301, headers: { location: posting.url, "content-type": HTML }, body: "" };
      }
      const page = route.template === "brand" ? renderBrandDetail(posting) : renderStandardDetail(posting);
      return html(200, detailInLayout(page, ctx.layout ?? null));
    }
    case "api": {
      const answer = renderApi(route.api, route.token, query, ctx.catalog, ctx.origin);
      return {
        status: answer.status,
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(answer.json),
      };
    }
    case "other":
      return html(404, renderNotFound(pathname));
  }
}
