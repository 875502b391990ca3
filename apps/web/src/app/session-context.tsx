import type { TokenResponse } from "@jobsync/contracts";
import { createContext, useContext } from "react";
import type { StoredSession } from "../services/session-storage";

/** Why the login page is showing: each has its sentence in `auth.notice.*`. */
export const SESSION_NOTICES = ["sessionExpired", "signedOut"] as const;
export type SessionNotice = (typeof SESSION_NOTICES)[number];

export interface SessionContextValue {
  session: StoredSession | null;
  /** Why the user is looking at the login page (expired session, signed out), if anything. */
  notice: SessionNotice | null;
  signIn(token: TokenResponse): void;
  signOut(notice?: SessionNotice | null): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <AppProviders>");
  return value;
}
