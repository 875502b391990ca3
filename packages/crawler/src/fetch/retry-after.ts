/**
 * A Retry-After header (RFC 9110 §10.2.3) in milliseconds from `now`: delay-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // only real HTTP dates: a weekday-led IMF-fixdate, RFC 850 date or asctime date
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
