/** A unique-index violation (23505), as either driver reports it, possibly wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown; message?: string } | undefined; e; e = e.cause as never) {
    if (e.code === "23505" || /duplicate key|unique constraint/i.test(e.message ?? "")) return true;
  }
  return false;
}
