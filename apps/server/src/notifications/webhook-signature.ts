import { createHmac, timingSafeEqual } from "node:crypto";

/** Hex HMAC-SHA256 of `${timestamp}.${body}`, sent as `sha256=<hex>`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does: recompute and compare in constant time, and refuse timestamps older than `toleranceSecs`
 * (replays). `nowSecs` is injectable for tests.
 */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  toleranceSecs = 300,
  nowSecs = Math.floor(Date.now() / 1000),
): boolean {
  const at = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSecs - at) > toleranceSecs) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
