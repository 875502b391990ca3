import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, Outlet, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "../app/providers";
import { parsePlainSearch, plainSearch, stringifyPlainSearch } from "../app/search-params";
import { saveSession } from "../services/session-storage";

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
}

/**
 * A router whose every path shows `ui` (a page or a component under test), at `path`: pages read their query
 * parameters and navigate as they do in the app. `router.state.location` tells where they went.
 */
export function testRouter(ui: ReactElement, path = "/") {
  const rootRoute = createRootRoute({
    validateSearch: plainSearch,
    component: () => (
      <>
        {ui}
        <Outlet />
      </>
    ),
    notFoundComponent: () => null,
  });
  return createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: [path] }),
    parseSearch: parsePlainSearch,
    stringifySearch: stringifyPlainSearch,
  });
}

/** Render inside the real providers and a router (loaded first, so the page shows at once), signed in. */
export async function renderSignedIn(
  ui: ReactElement,
  baseUrl: string,
  queryClient: QueryClient = testQueryClient(),
  path = "/",
) {
  saveSession(window.localStorage, { token: "test-token", expiresAt: Date.now() + 3_600_000 });
  const router = testRouter(ui, path);
  await router.load();
  const result = render(
    <AppProviders baseUrl={baseUrl} queryClient={queryClient}>
      <RouterProvider router={router as never} />
    </AppProviders>,
  );
  return { ...result, queryClient, router };
}
