import { KEYWORD_SLUG } from "./text";

/** What a path is, before anything is rendered (faults are chosen by route kind). */
export type Route =
  | { kind: "home" }
  | { kind: "robots" }
  | { kind: "listing"; keyword: string }
  | { kind: "detail"; template: "standard" | "brand"; id: number; slug: string; brand: string | null }
  | { kind: "asset"; path: string }
  | { kind: "apply" }
  | { kind: "api"; api: "greenhouse" | "lever"; token: string }
  | { kind: "other" };

const LISTING = /^\/tim-viec-lam-([^/]+)$/;
const STANDARD_DETAIL = /^\/viec-lam\/([^/]+)\/(\d{1,12})\.html$/;
const GREENHOUSE_JOBS = /^\/v1\/boards\/([^/]+)\/jobs$/;
const LEVER_POSTINGS = /^\/v0\/postings\/([^/]+)$/;
const BRAND_DETAIL = /^\/brand\/([a-z0-9-]+)\/tuyen-dung\/([^/]+)-j(\d{1,12})\.html$/;

export function classify(pathname: string): Route {
  if (pathname === "/") return { kind: "home" };
  if (pathname === "/robots.txt") return { kind: "robots" };
  if (pathname.startsWith("/static/") || pathname === "/favicon.ico") return { kind: "asset", path: pathname };
  if (pathname.startsWith("/ung-tuyen/")) return { kind: "apply" };
  const greenhouse = GREENHOUSE_JOBS.exec(pathname);
  if (greenhouse?.[1] && KEYWORD_SLUG.test(greenhouse[1]))
    return { kind: "api", api: "greenhouse", token: greenhouse[1] };
  const lever = LEVER_POSTINGS.exec(pathname);
  if (lever?.[1] && KEYWORD_SLUG.test(lever[1])) return { kind: "api", api: "lever", token: lever[1] };
  const listing = LISTING.exec(pathname);
  if (listing?.[1] && KEYWORD_SLUG.test(listing[1])) return { kind: "listing", keyword: listing[1] };
  const standard = STANDARD_DETAIL.exec(pathname);
  if (standard?.[1] && standard[2]) {
    return { kind: "detail", template: "standard", slug: standard[1], id: Number(standard[2]), brand: null };
  }
  const brand = BRAND_DETAIL.exec(pathname);
  if (brand?.[1] && brand[2] && brand[3]) {
    return { kind: "detail", template: "brand", brand: brand[1], slug: brand[2], id: Number(brand[3]) };
  }
  return { kind: "other" };
}
