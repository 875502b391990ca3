import { useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import { plainSearch } from "../app/search-params";

export type ParamsPatch = Record<string, string | null | undefined>;

export interface RouteParams {
  /** The current page's query parameters (`?q=…&status=…`). */
  params: URLSearchParams;
  /** Change some query parameters of the current page; null or "" removes one. */
  setParams(patch: ParamsPatch, options?: { replace?: boolean }): void;
}

export function applyPatch(current: Record<string, unknown>, patch: ParamsPatch): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(plainSearch(current))) if (value !== undefined) next[key] = value;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Query parameters of whichever page is showing, for filters, paging and the dialogs a link can open. */
export function useRouteParams(): RouteParams {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const params = useMemo(() => {
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(plainSearch(search))) if (value !== undefined) out.set(key, value);
    return out;
  }, [search]);
  const setParams = useCallback(
    (patch: ParamsPatch, options?: { replace?: boolean }) =>
      void navigate({
        to: ".",
        search: (current: Record<string, unknown>) => applyPatch(current, patch),
        replace: options?.replace,
      } as never),
    [navigate],
  );
  return { params, setParams };
}
