import { startFixtureBoard } from "@jobsync/fixture-board";

/** The local fixture board that the demo source `TopCV-Demo` syncs from, so a newcomer needs no internet. */
export async function startDemoBoard(port: number, host: string): Promise<{ url: string; close(): Promise<void> }> {
  const board = await startFixtureBoard({ port, host: host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host });
  return { url: board.url, close: () => board.close() };
}
