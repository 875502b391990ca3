import { Bell, Briefcase, Database, History, type LucideIcon, ScrollText, Users } from "lucide-react";
import type { TranslationKey } from "../i18n/keys";

export interface NavItem {
  to: "/data-sources" | "/sync-history" | "/job-postings" | "/notifications" | "/users" | "/audit";
  label: TranslationKey;
  icon: LucideIcon;
  /** Other paths that belong to this entry (a sync job is shown on Sync History). */
  also?: readonly string[];
  /** Listed for admins only (a viewer's API answers 403 there). */
  adminOnly?: boolean;
}

/** The sidebar, in order. A new page that the sidebar lists gets an entry here. */
export const NAV: readonly NavItem[] = [
  { to: "/data-sources", label: "nav.dataSources", icon: Database },
  { to: "/sync-history", label: "nav.syncHistory", icon: History, also: ["/sync-jobs"] },
  { to: "/job-postings", label: "nav.jobPostings", icon: Briefcase },
  { to: "/notifications", label: "nav.notifications", icon: Bell },
  { to: "/users", label: "nav.users", icon: Users, adminOnly: true },
  { to: "/audit", label: "nav.audit", icon: ScrollText, adminOnly: true },
];

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  return [item.to, ...(item.also ?? [])].some((prefix) => under(pathname, prefix));
}

/**
 * Which page a path shows, for moving focus to the heading after a navigation: opening or closing a dialog that
 * has a path of its own (`/sync-jobs/<id>`, `/data-sources/TopCV/edit`) keeps the same page and does not move focus.
 */
export function pageOf(pathname: string): string {
  // a source's own page is a page of its own; its edit form (`/data-sources/TopCV/edit`) belongs to Data Sources
  if (/^\/data-sources\/[^/]+\/?$/.test(pathname)) return pathname;
  const item = NAV.find((entry) => isCurrent(entry, pathname));
  if (item && item.to !== "/job-postings") return item.to;
  return pathname;
}
