import { useCallback, useMemo, useSyncExternalStore } from "react";
import { formatHash, type HashRoute, parseHash } from "../lib/hash-route";

function subscribe(callback: () => void): () => void {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

const getHash = () => window.location.hash;

export interface HashRouter extends HashRoute {
  navigate(path: string, params?: Record<string, string | null | undefined>): void;
  /** Change some query parameters of the current route; null removes one. */
  setParams(patch: Record<string, string | null | undefined>, options?: { replace?: boolean }): void;
}

export function useHashRoute(): HashRouter {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  const route = useMemo(() => parseHash(hash), [hash]);

  const navigate = useCallback((path: string, params?: Record<string, string | null | undefined>) => {
    window.location.hash = formatHash(path, params);
  }, []);

  const setParams = useCallback((patch: Record<string, string | null | undefined>, options?: { replace?: boolean }) => {
    const current = parseHash(window.location.hash);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === "") current.params.delete(key);
      else current.params.set(key, value);
    }
    const next = formatHash(current.path, current.params);
    if (options?.replace) {
      window.history.replaceState(window.history.state, "", next);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } else {
      window.location.hash = next;
    }
  }, []);

  return { ...route, navigate, setParams };
}
