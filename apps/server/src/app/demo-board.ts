import { startFixtureBoard } from "@jobsync/fixture-board";
import type { Env } from "../config/env";

/** The address the demo board listens on: HOST, except that a wildcard HOST keeps the board on loopback. */
export function demoBoardHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
}

/** The demo board's "address:port", exempt from the private-address policy (TopCV-Demo syncs from it). */
export function demoBoardEndpoint(env: Pick<Env, "HOST" | "DEMO_BOARD_PORT">): string {
  const host = demoBoardHost(env.HOST);
  return `${host.includes(":") ? `[${host}]` : host}:${env.DEMO_BOARD_PORT}`;
}

/**
 * The local fixture board that the demo source `TopCV-Demo` syncs from, so a newcomer needs no internet. Its
 * `/__admin/*` routes (switching faults, reading its request log) answer only with DEMO_BOARD_ADMIN=1.
 */
export async function startDemoBoard(
  port: number,
  host: string,
  admin: boolean,
): Promise<{ url: string; host: string; port: number; close(): Promise<void> }> {
  const board = await startFixtureBoard({ port, host: demoBoardHost(host), admin });
  return { url: board.url, host: board.host, port: board.port, close: () => board.close() };
}
