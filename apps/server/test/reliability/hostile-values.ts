import fc from "fast-check";

/**
 * Generators of hostile input for the API: wrong types, huge and odd numbers, unicode, path traversal, long strings,
 * nested junk. Shared by the property tests of every body, query and path parameter.
 */
export const TRAVERSALS = [
  "..",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e%2f%2e%2e%2f",
  "..\\..\\windows\\win.ini",
  "/etc/passwd",
  "TopCV/../TopCV",
  "TopCV%00",
  "TopCV\u0000",
  "sync",
  "SYNC",
  "%",
  "%zz",
  "CON",
  ".",
  "~root",
];

export const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 53,
  -1,
  0,
  -0,
  0.5,
  1e-300,
  10001,
);

export const hostileString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...TRAVERSALS),
  fc.constantFrom(
    "",
    " ",
    "\u202eevil",
    "Kế toán",
    "💥".repeat(100),
    "a".repeat(5000),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "javascript:alert(1)",
    "1e9999",
    "NaN",
    "Infinity",
    "0x10",
    "true",
    "null",
    "[]",
    "{}",
  ),
);

/** Numeric-looking and other strings for query strings (which are always text). */
export const hostileQueryText = fc.oneof(
  hostileString,
  hugeNumber.map(String),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Any JSON-shaped value, biased to the ones that trip validators. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);

/** A path segment: URL-encoded hostile text, or a raw traversal string as a client could send it. */
export const hostileSegment = fc.oneof(
  hostileString.filter((s) => s.length > 0).map((s) => encodeURIComponent(s)),
  fc.constantFrom(...TRAVERSALS.filter((s) => !s.includes("\u0000") && !s.includes("\\"))),
);

/** Replace, drop or add one field of a valid object, or replace the whole body. */
export function mutatedBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({
      ...valid,
      [key]: value,
    })),
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...valid };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: hostileString, value: hostileValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    hostileValue,
  );
}

/** A query string from known keys (and a stray one) with hostile values, sometimes repeated. */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...keys),
          hostileString.filter((s) => s.length > 0),
        ),
        hostileQueryText,
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString());
}
