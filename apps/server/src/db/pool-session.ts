/**
 * Session settings of every connection the app opens, sent in the connection's startup packet (no extra round trip;
 * `options` in DATABASE_URL replaces them). JIT off: PostgreSQL compiles a query to machine code when its estimated
 * cost passes `jit_above_cost`, which a short query reaches on a large table from its estimates alone (the data
 * sources list at a million postings: 60 ms of compiling for a query that runs in 3 ms). Our queries are short reads
 * and writes over indexes, where compiling never pays back.
 */
export const SESSION_OPTIONS = { options: "-c jit=off" } as const;
