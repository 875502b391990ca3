import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import rootPackage from "../../../../package.json" with { type: "json" };
import { nodeRuntimeProblem, PINNED_NODE_VERSION, requiredNodeMajor } from "../../src/app/node-runtime";
import { killAllWorkerProcesses, startWorkerProcess } from "../reliability/worker-process";
import { killSpawned, spawnUntil } from "../support/spawn-until";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

const PINNED = `v${rootPackage.dependencies.node}`;
const READY = /jobsync is ready at .*/;
const SERVER_DIR = new URL("../..", import.meta.url).pathname;
afterEach(killSpawned);

/** The `npm start` entry spawned as the tests spawn servers and workers: this Node, `--import tsx`; its ready line. */
async function startServer(): Promise<string> {
  const env = {
    PATH: process.env.PATH,
    DATA_DIR: mkdtempSync(join(tmpdir(), "jobsync-node-")),
    PORT: "0",
    DEMO_BOARD: "0",
    LOG_LEVEL: "warn",
  };
  const output = await spawnUntil(
    process.execPath,
    ["--import", "tsx", "src/main.ts"],
    { cwd: SERVER_DIR, env },
    READY,
  );
  return READY.exec(output)![0];
}

describe("the Node.js runtime", () => {
  it("pins an exact Node.js that engines allows", () => {
    expect(PINNED_NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(PINNED_NODE_VERSION.split(".")[0])).toBeGreaterThanOrEqual(requiredNodeMajor());
    expect(requiredNodeMajor(">=24")).toBe(24);
    expect(requiredNodeMajor(">= 22.12.0")).toBe(22);
    expect(() => requiredNodeMajor("^24 || ^26")).toThrow('engines.node must read ">=N", got "^24 || ^26"');
  });

  it("refuses an older Node.js and says how to get the right one", () => {
    expect(nodeRuntimeProblem(PINNED)).toBeNull();
    expect(nodeRuntimeProblem("v99.0.0")).toBeNull();
    expect(nodeRuntimeProblem("v20.20.2")).toBe(
      `jobsync needs Node.js ${rootPackage.engines.node} and this is v20.20.2. Run it through npm (npm start, ` +
        `npm run worker, npm run cli), which uses the Node.js ${PINNED_NODE_VERSION} that npm install put in ` +
        `node_modules, or install Node.js ${requiredNodeMajor()} or later.`,
    );
    expect(() => nodeRuntimeProblem("twenty")).toThrow('not a Node.js version: "twenty"');
  });

  it("runs this test (a vitest worker) on the pinned Node.js", () => {
    expect(process.version).toBe(PINNED);
  });

  it("puts the pinned Node.js first on PATH, where npm scripts and #!/usr/bin/env node bins find it", () => {
    const plain = spawnSync("node", ["-p", "process.version"], { encoding: "utf8" });
    expect(plain.stdout.trim()).toBe(PINNED);
    const tsx = spawnSync("tsx", ["--eval", "console.log(process.version)"], { encoding: "utf8", cwd: SERVER_DIR });
    expect(tsx.stdout.trim()).toBe(PINNED);
  });

  it("runs a server spawned the way the tests spawn them on the pinned Node.js, and its ready line says so", async () => {
    const ready = await startServer();
    expect(ready).toContain(`Node ${PINNED}`);
  });

  // an older system Node (this machine's /usr/bin/node is 20) running an entry directly is refused, not half-run
  const systemNode = "/usr/bin/node";
  const systemVersion = existsSync(systemNode)
    ? spawnSync(systemNode, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim()
    : "";
  it.runIf(systemVersion !== "" && nodeRuntimeProblem(systemVersion) !== null)(
    "refuses to run the CLI on an older system Node.js with the reason",
    () => {
      const result = spawnSync(systemNode, ["--import", "tsx", "src/cli/main.ts", "doctor"], {
        cwd: SERVER_DIR,
        encoding: "utf8",
        env: { PATH: "/usr/bin:/bin" },
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(nodeRuntimeProblem(systemVersion));
      expect(result.stdout).toBe("");
    },
  );
});

describe.runIf(databaseKinds().includes("postgres"))("the worker process (PostgreSQL)", () => {
  let db: TestDatabase | null = null;
  afterAll(async () => {
    killAllWorkerProcesses();
    await db?.close();
  });

  it("runs on the pinned Node.js and says so when ready", async () => {
    db = await openTestDatabase("postgres");
    const worker = await startWorkerProcess(db.url!);
    expect(worker.output()).toContain(`Node ${PINNED}`);
  });
});
