import { MASKED } from "@jobsync/contracts";

/** Keys whose values are secrets, anywhere in a changed object (webhook secrets, passwords, tokens, API keys). */
const SECRET_KEY = /secret|password|passwd|token|api[_-]?key|authorization|cookie|credential/i;

/**
 * A copy with every secret value replaced by `MASKED` (nested objects and lists too). Under a secret key an object
 * keeps its shape with every value masked, so `{ before: null, after: "…" }` stays readable as "was set".
 */
export function maskSecrets(value: unknown, key = ""): unknown {
  if (SECRET_KEY.test(key)) return maskAll(value);
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)]));
  }
  return value;
}

function maskAll(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return value ?? null;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAll(v)]));
  return MASKED;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The fields that differ, `{ field: { before, after } }`, secrets masked (a changed secret shows as masked on both
 * sides: that it changed is recorded, never its value). Object-valued fields (a source's config) are compared key by
 * key, as `config.<key>`.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) continue;
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const [inner, change] of Object.entries(changedFields(a, b))) {
        changes[`${key}.${inner}`] = SECRET_KEY.test(key) ? { before: MASKED, after: MASKED } : change;
      }
      continue;
    }
    changes[key] = SECRET_KEY.test(key)
      ? { before: a == null ? null : MASKED, after: b == null ? null : MASKED }
      : { before: maskSecrets(a ?? null, key), after: maskSecrets(b ?? null, key) };
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}
