import { resolve } from "node:path";
import type { CliIo } from "@jobsync/crawler";
import { type Env, loadEnv } from "../config/env";
import type { Database } from "../db/database";
import { migrate } from "../db/migrate";
import { openDatabase } from "../db/open-database";

export type { CliIo };

/** A command line that cannot run: the message says what to fix. Exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** Open (and migrate) the configured database for one command, and close it after. */
export async function withDatabase<T>(work: (database: Database, env: Env) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
  try {
    await migrate(database);
    return await work(database, env);
  } finally {
    await database.close();
  }
}

/** Read one line from stdin (a password when not given as a flag). */
export async function readLine(io: CliIo, prompt: string): Promise<string> {
  io.stderr(prompt);
  return new Promise((resolveLine, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer | string) => {
      buffer += String(chunk);
      const newline = buffer.indexOf("\n");
      if (newline >= 0) {
        cleanup();
        resolveLine(buffer.slice(0, newline).replace(/\r$/, ""));
      }
    };
    const onEnd = () => {
      cleanup();
      if (buffer.length > 0) resolveLine(buffer.replace(/\r?\n$/, ""));
      else reject(new CliError("no password given: pass --password or type it on stdin"));
    };
    const cleanup = () => {
      io.stdin.off("data", onData);
      io.stdin.off("end", onEnd);
      io.stdin.pause?.();
    };
    io.stdin.on("data", onData);
    io.stdin.on("end", onEnd);
    io.stdin.resume?.();
  });
}
