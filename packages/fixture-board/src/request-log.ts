import type { RouteKind } from "./faults";

/** One request the board received (admin requests excluded). */
export interface RequestRecord {
  seq: number;
  /** Milliseconds since the board started (monotonic clock), when the request arrived. */
  at: number;
  method: string;
  /** Path and query. */
  url: string;
  kind: RouteKind;
  /** Status sent, or null when no answer was sent (reset, hang, down). */
  status: number | null;
  /** The fault applied, if any ("latency" included). */
  fault: string | null;
  /** Which TCP connection carried it (1, 2, ...): several requests on one connection = keep-alive worked. */
  connection: number;
  userAgent: string | null;
  /** Content-Encoding of the answer ("gzip", "br", "deflate") or null. */
  encoding: string | null;
}

export interface BoardStats {
  total: number;
  byRoute: Partial<Record<RouteKind, number>>;
  byStatus: Record<string, number>;
  /** e.g. byRouteStatus.listing["429"]; "none" counts requests that got no answer. */
  byRouteStatus: Partial<Record<RouteKind, Record<string, number>>>;
  byFault: Record<string, number>;
  /** TCP connections accepted. */
  connections: number;
  requests: RequestRecord[];
}

const MAX_RECORDS = 200_000;

export class RequestLog {
  private records: RequestRecord[] = [];
  private seq = 0;
  connections = 0;

  add(record: Omit<RequestRecord, "seq" | "status" | "fault" | "encoding">): RequestRecord {
    const full: RequestRecord = { ...record, seq: ++this.seq, status: null, fault: null, encoding: null };
    if (this.records.length >= MAX_RECORDS) this.records.shift();
    this.records.push(full);
    return full;
  }

  reset(): void {
    this.records = [];
    this.connections = 0;
  }

  stats(): BoardStats {
    const stats: BoardStats = {
      total: this.records.length,
      byRoute: {},
      byStatus: {},
      byRouteStatus: {},
      byFault: {},
      connections: this.connections,
      requests: this.records.map((r) => ({ ...r })),
    };
    for (const r of this.records) {
      const status = r.status === null ? "none" : String(r.status);
      stats.byRoute[r.kind] = (stats.byRoute[r.kind] ?? 0) + 1;
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      const route = stats.byRouteStatus[r.kind] ?? {};
      route[status] = (route[status] ?? 0) + 1;
      stats.byRouteStatus[r.kind] = route;
      if (r.fault) stats.byFault[r.fault] = (stats.byFault[r.fault] ?? 0) + 1;
    }
    return stats;
  }
}
