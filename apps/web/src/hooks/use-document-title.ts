import { useEffect } from "react";
import { setPageTitle, setTitlePrefix } from "../lib/document-title";

/** The view's name in the browser tab. */
export function usePageTitle(title: string): void {
  useEffect(() => setPageTitle(title), [title]);
}

/** While set, the tab title starts with this (a running sync's "42% TopCV"). */
export function useTitlePrefix(prefix: string | null): void {
  useEffect(() => {
    setTitlePrefix(prefix);
    return () => setTitlePrefix(null);
  }, [prefix]);
}
