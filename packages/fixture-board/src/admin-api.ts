import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultConfigError, type FaultRule, parseFaultRules } from "./faults";
import type { BoardStats } from "./request-log";

/** What the admin routes may do to the board. */
export interface AdminControls {
  stats(): BoardStats;
  resetStats(): void;
  faults(): FaultRule[];
  setFaults(rules: FaultRule[]): void;
}

const MAX_BODY = 1024 * 1024;

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new FaultConfigError("request body is larger than 1 MB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * `/__admin/*`, for tests and benchmarks in another process:
 *   GET /__admin/stats          request counts per route and status, and the request log
 *   POST /__admin/stats/reset   forget the counts
 *   GET /__admin/faults         the fault rules in force
 *   POST /__admin/faults        replace them: a JSON list of rules, or { "faults": [...] }
 *   DELETE /__admin/faults      remove them all
 * Admin requests are neither counted nor subject to faults.
 */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, controls: AdminControls) {
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case "GET /__admin/stats":
        return json(res, 200, controls.stats());
      case "POST /__admin/stats/reset":
        controls.resetStats();
        return json(res, 200, { ok: true });
      case "GET /__admin/faults":
        return json(res, 200, { faults: controls.faults() });
      case "POST /__admin/faults": {
        const text = await readBody(req);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new FaultConfigError('body must be JSON: a list of fault rules or { "faults": [...] }');
        }
        const rules = parseFaultRules(parsed);
        controls.setFaults(rules);
        return json(res, 200, { faults: rules });
      }
      case "DELETE /__admin/faults":
        controls.setFaults([]);
        return json(res, 200, { faults: [] });
      default:
        return json(res, 404, { error: `no admin route ${route}` });
    }
  } catch (error) {
    if (error instanceof FaultConfigError) return json(res, 400, { error: error.message });
    return json(res, 500, { error: String(error) });
  }
}
