import pg from "pg";
import type { Listener } from "./database";

const RECONNECT_MILLIS = 1000;

/**
 * LISTEN on one channel over a dedicated connection (a pooled one would be handed to other queries). When the
 * connection drops, `lost` is told at once (notifications may have been missed) and it reconnects until stopped.
 */
export async function listenPostgres(
  connectionString: string,
  channel: string,
  listener: Listener,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === channel) listener.onNotify(message.payload ?? "");
    });
    const dropped = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => {});
      listener.lost();
      if (!stopped) schedule();
    };
    next.on("error", dropped);
    next.on("end", dropped);
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    listener.ready();
  };
  const schedule = () => {
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => {
        listener.lost();
        if (!stopped) schedule();
      });
    }, RECONNECT_MILLIS);
    retry.unref?.();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}
