import { createContext, useContext } from "react";
import type { ApiClient } from "../services/api";

export const ApiContext = createContext<ApiClient | null>(null);

/** The API client of the signed-in session. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi must be used inside <AppProviders> or <ApiContext.Provider>");
  return api;
}
