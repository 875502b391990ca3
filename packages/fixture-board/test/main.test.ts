import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";

const entry = new URL("../src/main.ts", import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function start(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 600; i++) {
    const match = pattern.exec(read());
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${pattern} in: ${read()}`);
}

describe("standalone board (src/main.ts)", () => {
  it("prints its URL, serves the board with the seed given, and stops on SIGTERM", async () => {
    const { child, output } = start(["--port", "0", "--seed", "3", "--pages", "2", "--weight", "0", "--admin"]);
    const [, url] = await waitFor(output, /listening on (http:\/\/127\.0\.0\.1:\d+) \(seed 3\)/);
    const page = await fetch(`${url}/tim-viec-lam-ke-toan?type_keyword=1&page=2&sba=1`);
    expect(await page.text()).toContain("2&nbsp;</span>/&nbsp;2 trang");
    const faults = await fetch(`${url}/__admin/faults`, { method: "POST", body: '[{"type":"status","status":503}]' });
    expect(faults.status).toBe(200);
    expect((await fetch(`${url}/`)).status).toBe(503);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("keeps /__admin closed unless started with --admin (or DEMO_BOARD_ADMIN=1)", async () => {
    const { child, output } = start(["--port", "0", "--weight", "0"]);
    const [, url] = await waitFor(output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const faults = await fetch(`${url}/__admin/faults`, { method: "POST", body: '[{"type":"status","status":503}]' });
    expect(faults.status).toBe(405); // a GET-only board: nothing switched
    expect((await fetch(`${url}/__admin/stats`)).status).toBe(404);
    expect((await fetch(`${url}/`)).status).toBe(200); // no fault in force
    child.kill("SIGTERM");
    await once(child, "exit");
  });

  it("exits 1 with the reason and the usage on a bad argument", async () => {
    const { child, output } = start(["--port", "abc"]);
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output()).toContain('--port must be an integer, got "abc"');
    expect(output()).toContain("usage: tsx packages/fixture-board/src/main.ts");
  });
});
