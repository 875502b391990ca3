import { createBrowserHistory, createRouter, type RouterHistory } from "@tanstack/react-router";
import { routeTree } from "./routes";
import { legacyHashTarget, parsePlainSearch, stringifyPlainSearch } from "./search-params";

export function createAppRouter(history: RouterHistory = createBrowserHistory()) {
  return createRouter({
    routeTree,
    history,
    parseSearch: parsePlainSearch,
    stringifySearch: stringifyPlainSearch,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}

/** A bookmark from the hash router (`/#/postings?q=x`) goes on to the same page's real path. */
export function redirectLegacyHash(location: Location = window.location, history: History = window.history): void {
  const target = legacyHashTarget(location.hash);
  if (target) history.replaceState(null, "", target);
}
