import { timingSafeEqual } from "node:crypto";

/** Who may read /metrics: nobody (off, the default), the holder of METRICS_TOKEN, or anyone (METRICS_PUBLIC=1). */
export interface MetricsAccess {
  token?: string;
  public: boolean;
}

export type MetricsVerdict = "off" | "allowed" | "unauthorized";

export function metricsEnabled(access: MetricsAccess): boolean {
  return access.public || Boolean(access.token);
}

/** Judge one scrape by its Authorization header (`Bearer <METRICS_TOKEN>`), comparing in constant time. */
export function judgeScrape(access: MetricsAccess, authorization: string | undefined): MetricsVerdict {
  if (!metricsEnabled(access)) return "off";
  if (access.public) return "allowed";
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  const expected = Buffer.from(access.token ?? "");
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? "allowed" : "unauthorized";
}
