import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle } from "drizzle-orm/pglite";
import { lockDataDir } from "./data-dir-lock";
import type { Database, Db } from "./database";
import * as schema from "./schema";

/** PGlite must be opened with its extensions every time. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

export interface PgliteOptions {
  /** A directory on disk (locked for this process), or none for an in-memory database. */
  dataDir?: string;
  /** Start from a dumped data directory (tests: a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openPglite(options: PgliteOptions): Promise<Database> {
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: join(options.dataDir, "pglite") } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite: client,
    async runScripts(work) {
      await client.transaction(async (tx) => {
        await work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <T>(text: string) => (await tx.query<T>(text)).rows,
        });
      });
    },
    boss: {
      db: {
        async executeSql(text, values) {
          if (!values || values.length === 0) {
            const results = await client.exec(text);
            return results[results.length - 1] ?? { rows: [] };
          }
          return client.query(text, values);
        },
      },
    },
    async listen(channel, listener) {
      const stop = await client.listen(channel, (payload) => listener.onNotify(payload));
      listener.ready();
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  } as Database & { pglite: PGlite };
}
