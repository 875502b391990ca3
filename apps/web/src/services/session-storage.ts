import type { UserRole } from "@jobsync/contracts";

/** The signed-in session as kept in localStorage, so it survives a reload until the token expires. */

export interface StoredSession {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export const SESSION_KEY = "jobsync.session";

export type LoadedSession = { session: StoredSession; expired: false } | { session: null; expired: boolean };

export function loadSession(storage: Storage, now: number = Date.now()): LoadedSession {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return { session: null, expired: false };
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.token !== "string" || !value.token || typeof value.expiresAt !== "number") {
      storage.removeItem(SESSION_KEY);
      return { session: null, expired: false };
    }
    if (value.expiresAt <= now) {
      storage.removeItem(SESSION_KEY);
      return { session: null, expired: true };
    }
    return { session: { token: value.token, expiresAt: value.expiresAt }, expired: false };
  } catch {
    storage.removeItem(SESSION_KEY);
    return { session: null, expired: false };
  }
}

export function saveSession(storage: Storage, session: StoredSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
}

/** A session for a login answer: `expires_in` seconds from now. */
export function sessionFromToken(token: string, expiresInSeconds: number, now: number = Date.now()): StoredSession {
  return { token, expiresAt: now + expiresInSeconds * 1000 };
}

/**
 * The role a token names (its payload is readable; the server checks it on every request), or null when it names
 * none. A session ends when its user's role changes, so a live token's role is the user's.
 */
export function roleOfToken(token: string): UserRole | null {
  try {
    const payload = token.split(".")[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { role?: unknown };
    return json.role === "admin" || json.role === "viewer" ? json.role : null;
  } catch {
    return null;
  }
}
