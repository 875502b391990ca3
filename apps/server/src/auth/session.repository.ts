import type { UserRole } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";

/** The user of a live session, as every request sees it (role and active flag read now, not from the token). */
export interface SessionUser {
  sessionId: string;
  id: string;
  email: string;
  role: UserRole;
}

/** A live session: its user, and when it expires (ms since the epoch). */
export interface LiveSession {
  user: SessionUser;
  expiresAtMs: number;
}

/**
 * Sessions: one row per sign-in, named by every token issued for it. A session ends at logout, or when its user's
 * password, role or active flag changes; a token of an ended session is refused on its next request.
 */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async start(userId: string, expiresAt: Date, ip: string | null, db: Db = this.db): Promise<string> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO user_sessions (user_id, expires_at, ip) VALUES (${userId}, ${expiresAt.toISOString()}, ${ip})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** The session's user when the session is live and the user active, with the session's expiry; one primary-key
   * lookup. */
  async live(sessionId: string): Promise<LiveSession | null> {
    const rows = await queryRows<{ id: string; email: string; role: UserRole; expires_ms: number }>(
      this.db,
      sql`SELECT u.id, u.email, u.role, (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms
          FROM user_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = ${sessionId} AND s.ended_at IS NULL AND s.expires_at > now() AND u.active`,
    );
    const row = rows[0];
    if (!row) return null;
    return { user: { sessionId, id: row.id, email: row.email, role: row.role }, expiresAtMs: Number(row.expires_ms) };
  }

  /** End one session; false when it had already ended. */
  async end(sessionId: string, db: Db = this.db): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`UPDATE user_sessions SET ended_at = now() WHERE id = ${sessionId} AND ended_at IS NULL RETURNING id`,
    );
    return rows.length === 1;
  }

  /** End every live session of a user but `keep`; returns how many ended. */
  async endAllOf(userId: string, db: Db = this.db, keep: string | null = null): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`UPDATE user_sessions SET ended_at = now()
          WHERE user_id = ${userId} AND ended_at IS NULL ${keep ? sql`AND id <> ${keep}` : sql``} RETURNING id`,
    );
    return rows.length;
  }

  /** Forget sessions that expired or ended more than a day ago. */
  async prune(db: Db = this.db): Promise<void> {
    await db.execute(
      sql`DELETE FROM user_sessions WHERE coalesce(ended_at, expires_at) < now() - make_interval(days => 1)`,
    );
  }
}
