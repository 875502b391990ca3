import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "../app/providers";
import { saveSession } from "../services/session-storage";

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
}

/** Render inside the real providers, signed in, talking to `baseUrl`. */
export function renderSignedIn(ui: ReactElement, baseUrl: string, queryClient: QueryClient = testQueryClient()) {
  saveSession(window.localStorage, { token: "test-token", expiresAt: Date.now() + 3_600_000 });
  const result = render(
    <AppProviders baseUrl={baseUrl} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...result, queryClient };
}
