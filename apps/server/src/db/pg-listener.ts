import pg from "pg";
import type { Listener } from "./database";

const RECONNECT_MILLIS = 1000;
/** How the listening connection names itself in pg_stat_activity (operators, and tests that cut it, find it so). */
export const LISTENER_APPLICATION_NAME = "jobsync-listen";

/**
 * The process's LISTEN connection: one dedicated connection (a pooled one would be handed to other queries) that
 * listens on every channel asked of it (sync job changes, session changes…). When it drops, every listener is told
 * `lost` at once (notifications may have been missed); it reconnects until stopped, LISTENs on every channel again,
 * and tells each listener `ready`.
 */
export class PgNotifications {
  private readonly channels = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The channels the current connection LISTENs on. */
  private listening = new Set<string>();
  /** LISTEN and UNLISTEN run one at a time. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly connectionString: string) {}

  /** LISTEN on a channel; resolves once listening, with the function that stops this listener. */
  async listen(channel: string, listener: Listener): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    if (this.stopped) throw new Error("the LISTEN connection is closed");
    const listeners = this.channels.get(channel) ?? new Set<Listener>();
    this.channels.set(channel, listeners);
    listeners.add(listener);
    try {
      await this.serially(async () => {
        if (!this.client) await this.connectOnce();
        if (this.client && !this.listening.has(channel)) {
          await this.client.query(`LISTEN ${channel}`);
          this.listening.add(channel);
        }
      });
    } catch (error) {
      listeners.delete(listener);
      if (listeners.size === 0) this.channels.delete(channel);
      throw error;
    }
    // a drop meanwhile told it `lost`: the reconnection tells it `ready`
    if (this.client && this.listening.has(channel)) listener.ready();
    return () => this.serially(() => this.unlisten(channel, listener));
  }

  /** Stop every listener and close the connection. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.channels.clear();
    const current = this.client;
    this.client = null;
    await current?.end().catch(() => {});
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => {});
    return run;
  }

  private async unlisten(channel: string, listener: Listener): Promise<void> {
    const listeners = this.channels.get(channel);
    if (!listeners?.delete(listener) || listeners.size > 0) return;
    this.channels.delete(channel);
    if (this.channels.size === 0) {
      const current = this.client;
      this.client = null;
      await current?.end().catch(() => {});
    } else if (this.listening.delete(channel)) {
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => {});
    }
  }

  /** Connect, or join the connection being made. */
  private connectOnce(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const next = new pg.Client({
      connectionString: this.connectionString,
      application_name: LISTENER_APPLICATION_NAME,
    });
    next.on("notification", (message) => {
      for (const listener of this.channels.get(message.channel) ?? []) listener.onNotify(message.payload ?? "");
    });
    const dropped = () => {
      if (this.client !== next) return;
      this.client = null;
      next.end().catch(() => {});
      this.tellLost();
      this.schedule();
    };
    next.on("error", dropped);
    next.on("end", dropped);
    const listening = new Set<string>();
    try {
      await next.connect();
      for (const channel of [...this.channels.keys()]) {
        await next.query(`LISTEN ${channel}`);
        listening.add(channel);
      }
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    } finally {
      this.connecting = null;
    }
    if (this.stopped || this.channels.size === 0) {
      await next.end().catch(() => {});
      return;
    }
    this.listening = listening;
    this.client = next;
  }

  private schedule(): void {
    if (this.stopped || this.retry || this.channels.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.client) {
        // a listen() connected meanwhile
        this.tellReady();
        return;
      }
      this.connectOnce().then(
        () => {
          if (this.client) this.tellReady();
        },
        () => {
          this.tellLost();
          this.schedule();
        },
      );
    }, RECONNECT_MILLIS);
    this.retry.unref?.();
  }

  private tellLost(): void {
    for (const listeners of this.channels.values()) for (const listener of listeners) listener.lost();
  }

  private tellReady(): void {
    for (const listeners of this.channels.values()) for (const listener of listeners) listener.ready();
  }
}
