/**
 * Errors from the database, told apart and put in words for people. Drizzle wraps every failed statement in an
 * error whose message is the whole SQL text and its parameters ("Failed query: WITH written AS (INSERT INTO …"):
 * that text must never reach a sync job's step or an API answer. The PostgreSQL error (node-postgres or PGlite) is
 * in its cause chain, with a SQLSTATE code and the database's own message.
 */
export interface PostgresError {
  code: string;
  message: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

/** The first error in the cause chain that carries a SQLSTATE (five characters), or null. */
export function postgresError(error: unknown): PostgresError | null {
  for (let e = error as Partial<PostgresError> & { cause?: unknown }, depth = 0; e && depth < 8; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.message === "string") {
      return e as PostgresError;
    }
    e = e.cause as typeof e;
  }
  return null;
}

/**
 * Whether the database refused the data itself — class 22 (data exception: a NUL character, a bad Unicode escape,
 * a number or date out of range), 23 (integrity constraint) or 54 (program limit: a value too large to index) —
 * rather than failing on its own (connection, lock, disk): the rows can be saved one by one, leaving the bad one.
 */
export function isDataError(error: unknown): boolean {
  const code = postgresError(error)?.code ?? "";
  return code.startsWith("22") || code.startsWith("23") || code.startsWith("54");
}

/** What went wrong, in the database's words, never the SQL statement; at most 300 characters. */
export function databaseErrorMessage(error: unknown): string {
  const pg = postgresError(error);
  const text = pg
    ? `${pg.message}${pg.detail ? ` (${pg.detail})` : ""}`
    : error instanceof Error && !/^Failed query:/i.test(error.message)
      ? error.message
      : "database error";
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 299)}…` : oneLine;
}

/** A unique-index violation (23505), as either driver reports it, possibly wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  if (postgresError(error)?.code === "23505") return true;
  for (let e = error as { cause?: unknown; message?: string } | undefined, depth = 0; e && depth < 8; depth++) {
    if (/duplicate key|unique constraint/i.test(e.message ?? "")) return true;
    e = e.cause as typeof e;
  }
  return false;
}
