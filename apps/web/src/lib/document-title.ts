/**
 * `document.title` for every view: "<running sync's percent> · <page> · jobsync". The page part comes from the page
 * showing, the prefix from the sync job being followed, so the tab tells how far a sync is from any other tab.
 */
const APP_NAME = "jobsync";
const state: { page: string; prefix: string | null } = { page: "", prefix: null };

function apply() {
  if (typeof document === "undefined") return;
  document.title = [state.prefix, state.page, APP_NAME].filter(Boolean).join(" · ");
}

export function setPageTitle(page: string): void {
  state.page = page;
  apply();
}

export function setTitlePrefix(prefix: string | null): void {
  state.prefix = prefix;
  apply();
}
