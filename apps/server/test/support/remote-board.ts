import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { FaultRule } from "@jobsync/fixture-board";

const BOARD_MAIN = new URL("../../../../packages/fixture-board/src/main.ts", import.meta.url).pathname;

export interface RemoteBoard {
  url: string;
  setFaults(rules: FaultRule[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The fixture board in a process of its own, driven over its /__admin routes: a hostile site's own work (streaming
 * an endless answer) then costs the server under test nothing, as on a real network. Same seed and shape, same pages
 * as an in-process board: ground truth comes from `startFixtureBoard` with the same options.
 */
export async function startRemoteBoard(shape: { seed: number; pages: number; cards: number }): Promise<RemoteBoard> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      BOARD_MAIN,
      "--port",
      "0",
      "--admin",
      "--seed",
      String(shape.seed),
      "--pages",
      String(shape.pages),
      "--cards",
      String(shape.cards),
      "--weight",
      "20000",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the board exited (${code}): ${output}`)));
  });
  return {
    url,
    async setFaults(rules) {
      const res = await fetch(`${url}/__admin/faults`, { method: "POST", body: JSON.stringify(rules) });
      if (res.status !== 200) throw new Error(`the board refused the faults: ${await res.text()}`);
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill("SIGKILL");
      await once(child, "exit");
    },
  };
}
