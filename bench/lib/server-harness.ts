import { fileURLToPath } from "node:url";
import { buildApp } from "../../apps/server/src/http/app";
import type { LoadResult } from "./load";
import { startChild } from "./processes";
import type { BenchApp } from "./sync-harness";

const AUTOCANNON = fileURLToPath(new URL("../../node_modules/autocannon/autocannon.js", import.meta.url));
export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-1" };

export interface BenchServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** The real HTTP app of a bench app on a free loopback port, with an admin's access token. */
export async function startBenchServer(bench: BenchApp): Promise<BenchServer> {
  const app = await buildApp(bench.services, { webDistDir: "/nonexistent" });
  await bench.services.auth.createUser(BENCH_ADMIN.email, BENCH_ADMIN.password, "admin");
  const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: BENCH_ADMIN });
  const token = (login.json() as { access_token?: string }).access_token;
  if (!token) throw new Error(`bench login failed: ${login.body}`);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, token, close: () => app.close() };
}

/** autocannon in a process of its own (so it does not share the server's event loop). */
export async function loadFromChild(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
  overallRate?: number,
): Promise<LoadResult> {
  const args = [AUTOCANNON, "-c", String(connections), "-d", String(seconds), "-j"];
  if (overallRate) args.push("-R", String(overallRate));
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  const child = startChild(process.execPath, [...args, url]);
  const code = await child.exited;
  const line = child
    .output()
    .split("\n")
    .find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`autocannon exited ${code}: ${child.output().slice(-2000)}`);
  return JSON.parse(line) as LoadResult;
}
