import type { FastifyInstance } from "fastify";
import { validationFailed } from "../errors/app-error";

const MAX_DEPTH = 64;

/** The dotted path of the first string (or key) holding U+0000, or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "(body)" : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return here;
    const found = findNul(item, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a request carrying one in its path, query or body could never be
 * stored or searched, and would fail in the database as a 500. It is refused up front with a 400 naming the field.
 */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    if (!request.routeOptions.url?.startsWith("/api/v1/")) return; // the docs and the UI's files reach no database
    const path = findNul(request.params, "") ?? findNul(request.query, "") ?? findNul(request.body, "");
    if (path) throw validationFailed([{ path, message: `${path} must not contain a NUL character (U+0000)` }]);
  });
}
