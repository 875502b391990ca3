import type pg from "pg";

/**
 * Session settings of every connection the app opens. JIT off: PostgreSQL compiles a query to machine code when its
 * estimated cost passes `jit_above_cost`, which a short query reaches on a large table from its estimates alone
 * (the data sources list at a million postings: 60 ms of compiling for a query that runs in 3 ms). Our queries are
 * short reads and writes over indexes, where compiling never pays back.
 */
const SESSION = "SET jit = off";

export function configureSessions(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    // queued before any query of the client's first user; a failure (jit unknown to the server) changes nothing
    client.query(SESSION).catch(() => {});
  });
}
