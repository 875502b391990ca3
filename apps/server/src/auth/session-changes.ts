import type { Database } from "../db/database";
import { NotifyEpoch } from "../db/notify-epoch";

/** The channel migration 0011's triggers announce `session:<id>` and `user:<id>` on. */
export const SESSION_CHANGED_CHANNEL = "session_changed";

/** What changed: one session (ended, its expiry or its user changed, deleted), or one user (and so its sessions). */
export type SessionChange = { kind: "session"; id: string } | { kind: "user"; id: string };

const PAYLOAD = /^(session|user):([0-9a-f-]{36})$/;

/** Parse a `session_changed` payload; null for anything else. */
export function parseSessionChange(payload: string): SessionChange | null {
  const match = PAYLOAD.exec(payload);
  if (!match) return null;
  return { kind: match[1] as SessionChange["kind"], id: match[2]! };
}

/**
 * Where this process hears that a session or a user changed: its own writes (told after the commit) and every
 * process's writes by LISTEN/NOTIFY (PGlite tells before the writing query resolves). `complete` says whether every change reaches the listeners: only once
 * `listen` ran, and on PostgreSQL only while the LISTEN connection is up. `lost` listeners hear when changes may have
 * been missed.
 */
export class SessionChanges {
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly lostListeners = new Set<() => void>();
  private readonly feed: NotifyEpoch;

  constructor(database: Pick<Database, "listen">) {
    this.feed = new NotifyEpoch(database, SESSION_CHANGED_CHANNEL, {
      notify: (payload) => {
        const change = parseSessionChange(payload);
        if (change) this.tell(change);
      },
      lost: () => {
        for (const listener of this.lostListeners) listener();
      },
    });
  }

  get complete(): boolean {
    return this.feed.complete;
  }

  /**
   * Bumped by every change heard, every loss and every (re)connection: a read of a session that started before it
   * may have missed what it announced (or what was not announced while LISTEN was down) and must not be kept.
   */
  get epoch(): number {
    return this.feed.epoch;
  }

  on(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /**
   * A change this process made (after its commit): heard at once, without waiting for its NOTIFY (which follows and
   * forgets again, harmlessly).
   */
  emit(change: SessionChange): void {
    this.feed.bump();
    this.tell(change);
  }

  /** Follow every process's changes of sessions and users (LISTEN). */
  listen(): Promise<void> {
    return this.feed.listen();
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  private tell(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
