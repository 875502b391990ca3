/**
 * A timestamp column as the drivers return it (node-postgres: a Date; PGlite: a Date, or text from a raw query) in
 * the API's form: ISO 8601, UTC, milliseconds. The one conversion every repository and mapper uses.
 */
export function isoTimestamp(value: Date | string): string {
  return new Date(value).toISOString();
}

/** isoTimestamp of a nullable column: null stays null. */
export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : isoTimestamp(value);
}
