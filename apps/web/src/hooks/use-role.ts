import type { UserRole } from "@jobsync/contracts";
import { useSession } from "../app/session-context";
import { roleOfToken } from "../services/session-storage";

/** The signed-in user's role, from the session's token (null: signed out, or a token naming none). */
export function useRole(): UserRole | null {
  const { session } = useSession();
  return session ? roleOfToken(session.token) : null;
}

/** Whether this user may change things: viewers see every page read-only. */
export function useCanWrite(): boolean {
  return useRole() !== "viewer";
}
