import type { LiveSession, SessionUser } from "./session.repository";
import type { SessionChange, SessionChanges } from "./session-changes";

export interface LiveSessionsOptions {
  /** At most this many sessions are held; the least recently used goes first. */
  maxEntries: number;
  /** A held session is read again after this long even if nothing was announced (a safety net, not the mechanism). */
  ttlMillis: number;
}

export const DEFAULT_LIVE_SESSIONS_OPTIONS: LiveSessionsOptions = { maxEntries: 10_000, ttlMillis: 60_000 };

interface Entry {
  user: SessionUser;
  /** Held until then: the session's expiry or the TTL, whichever comes first. */
  validUntil: number;
}

interface Loading {
  epoch: number;
  promise: Promise<SessionUser | null>;
}

/**
 * The sessions this process's requests used, in memory (B5): an authenticated request reads nothing while its session
 * is held. What can end a session or change its user (logout, a password, role or active flag change, deletion) is
 * announced by migration 0011's triggers on `session_changed`, in every process (SessionChanges), and forgets the
 * session or the user's sessions at once. A session is held only when it was read after the latest change heard
 * (`epoch`), so a read racing a change is answered but not kept. While changes may be missed (LISTEN down, or not
 * started), nothing is held and every request reads the database. Only live sessions are held: a refused one is read
 * again on its next request.
 */
export class LiveSessions {
  /** In least-recently-used order (a Map iterates in insertion order; a hit moves its entry to the end). */
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly loading = new Map<string, Loading>();

  constructor(
    private readonly load: (sessionId: string) => Promise<LiveSession | null>,
    private readonly changes: SessionChanges,
    private readonly options: LiveSessionsOptions = DEFAULT_LIVE_SESSIONS_OPTIONS,
  ) {
    changes.on((change) => this.onChange(change));
    changes.onLost(() => this.clear());
  }

  /** The session's user while the session is live, else null. */
  async get(sessionId: string): Promise<SessionUser | null> {
    if (!this.changes.complete) {
      this.clear();
      return (await this.load(sessionId))?.user ?? null;
    }
    const entry = this.entries.get(sessionId);
    if (entry) {
      if (entry.validUntil > Date.now()) {
        this.entries.delete(sessionId);
        this.entries.set(sessionId, entry);
        return entry.user;
      }
      this.forget(sessionId);
    }
    const epoch = this.changes.epoch;
    const pending = this.loading.get(sessionId);
    // requests that arrive together share one read, unless a change was heard since it started
    if (pending && pending.epoch === epoch) return pending.promise;
    const promise = this.load(sessionId).then(
      (live) => {
        if (this.loading.get(sessionId)?.promise === promise) this.loading.delete(sessionId);
        if (live && this.changes.complete && this.changes.epoch === epoch) this.keep(live);
        return live?.user ?? null;
      },
      (error: unknown) => {
        if (this.loading.get(sessionId)?.promise === promise) this.loading.delete(sessionId);
        throw error;
      },
    );
    this.loading.set(sessionId, { epoch, promise });
    return promise;
  }

  /** This process ended a session or changed a user (after the commit): forgotten here before the NOTIFY comes. */
  changedHere(change: SessionChange): void {
    this.changes.emit(change);
  }

  /** How many sessions are held (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private keep(live: LiveSession): void {
    const { user } = live;
    const validUntil = Math.min(Date.now() + this.options.ttlMillis, live.expiresAtMs);
    this.forget(user.sessionId);
    this.entries.set(user.sessionId, { user, validUntil });
    let sessions = this.byUser.get(user.id);
    if (!sessions) {
      sessions = new Set();
      this.byUser.set(user.id, sessions);
    }
    sessions.add(user.sessionId);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }

  private onChange(change: SessionChange): void {
    if (change.kind === "session") {
      this.forget(change.id);
      return;
    }
    for (const sessionId of this.byUser.get(change.id) ?? []) this.forget(sessionId);
  }

  private forget(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    this.entries.delete(sessionId);
    const sessions = this.byUser.get(entry.user.id);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) this.byUser.delete(entry.user.id);
  }

  private clear(): void {
    this.entries.clear();
    this.byUser.clear();
    this.loading.clear();
  }
}
