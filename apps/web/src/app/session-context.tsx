import type { TokenResponse } from "@jobsync/contracts";
import { createContext, useContext } from "react";
import type { StoredSession } from "../services/session-storage";

export const SESSION_EXPIRED_MESSAGE = "Your session has expired, please sign in again";

export interface SessionContextValue {
  session: StoredSession | null;
  /** Why the user is looking at the login page (expired session, signed out), if anything. */
  notice: string | null;
  signIn(token: TokenResponse): void;
  signOut(notice?: string | null): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <AppProviders>");
  return value;
}
