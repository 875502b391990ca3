import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import rootPackage from "../../../../package.json" with { type: "json" };
import { nodeRuntimeProblem } from "../../src/app/node-runtime";
import { loadMigrations } from "../../src/db/migrate";
import { killSpawned, spawnUntil } from "../support/spawn-until";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/test-database";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BUILD = join(ROOT, "scripts/build.mjs");
// inside the repository, where the real dist is: the same way up to node_modules and to the sources
const OUT = join(ROOT, "apps/server/.tmp", `build-test-${process.pid}`);
const PINNED = `v${rootPackage.dependencies.node}`;

afterEach(killSpawned);

function build(args: string[]) {
  return spawnSync(process.execPath, [BUILD, ...args], { cwd: ROOT, encoding: "utf8" });
}

/** A bundle entry as `npm start` / `npm run worker` run it; resolves with its output once `ready` matches. */
function startBundle(entry: string, env: Record<string, string>, ready: RegExp): Promise<string> {
  return spawnUntil(
    process.execPath,
    ["--enable-source-maps", join(OUT, entry)],
    { cwd: ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: "warn", ...env } },
    ready,
  );
}

beforeAll(() => {
  // the admin UI the server serves (npm test has built it already: then this is a no-op)
  const web = build(["web"]);
  expect(web.status, web.stderr).toBe(0);
  const server = build(["server", "--out", OUT]);
  expect(server.status, server.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("the production build (node scripts/build.mjs server)", () => {
  it("writes one file per process and keeps npm dependencies out of the bundle", () => {
    const files = readdirSync(OUT);
    expect(files).toEqual(expect.arrayContaining(["main.js", "worker.js", "cli.js", "main.js.map"]));
    const code = files.filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(OUT, f), "utf8"));
    const all = code.join("\n");
    expect(all).toMatch(/from "fastify"/);
    expect(all).toMatch(/from "undici"/);
    // the workspace packages are compiled in, not imported by name
    expect(all).not.toMatch(/from "@jobsync\//);
  });

  it("maps every file back to TypeScript sources that exist (stack traces name them under --enable-source-maps)", () => {
    const sources = new Set<string>();
    for (const file of readdirSync(OUT).filter((f) => f.endsWith(".js"))) {
      expect(readFileSync(join(OUT, file), "utf8").trimEnd().endsWith(`//# sourceMappingURL=${file}.map`)).toBe(true);
      const map = JSON.parse(readFileSync(join(OUT, `${file}.map`), "utf8")) as { sources: string[] };
      for (const source of map.sources) sources.add(join(OUT, source).slice(ROOT.length));
    }
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    expect([...sources]).toEqual(
      expect.arrayContaining([
        "apps/server/src/main.ts",
        "packages/crawler/src/fetch/http-fetcher.ts",
        "packages/contracts/src/steps.ts",
      ]),
    );
  });

  it("points every import.meta.url of the sources at the source file, which exists", () => {
    const named: string[] = [];
    for (const file of readdirSync(OUT).filter((f) => f.endsWith(".js"))) {
      const text = readFileSync(join(OUT, file), "utf8");
      for (const match of text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)\.href/g)) {
        const source = fileURLToPath(new URL(match[1]!, `file://${join(OUT, file)}`));
        named.push(source.slice(ROOT.length));
        expect(existsSync(source), source).toBe(true);
      }
    }
    expect(named).toEqual(
      expect.arrayContaining([
        "apps/server/src/db/migrate.ts",
        "apps/server/src/http/static-web.ts",
        "packages/fixture-board/src/static-pages.ts",
      ]),
    );
  });

  it("parses in worker threads that load the compiled parse task beside the bundle", () => {
    expect(readdirSync(OUT)).toEqual(expect.arrayContaining(["parse-worker.mjs", "parse-task.js"]));
    // the pool's chunk finds the worker script beside itself, not among the TypeScript sources
    const pool = readdirSync(OUT)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(OUT, f), "utf8"))
      .find((text) => text.includes('"./parse-worker.mjs"'));
    expect(pool).toMatch(/new URL\("\.\/parse-worker\.mjs", import\.meta\.url\)/);
    const script = `
      import { Worker } from "node:worker_threads";
      const worker = new Worker(${JSON.stringify(join(OUT, "parse-worker.mjs"))});
      worker.on("message", (message) => {
        if (message.ready) {
          worker.postMessage({ id: 1, task: { op: "detail", kind: "topcv", config: {}, body: "<html></html>", url: "https://www.topcv.vn/x" } });
          return;
        }
        console.log(JSON.stringify(message));
        worker.terminate();
      });`;
    const file = join(mkdtempSync(join(tmpdir(), "jobsync-parse-")), "run.mjs");
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { cwd: tmpdir(), encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 1, outcome: { ok: expect.any(Boolean) } });
  });

  it("runs npm start's server: migrations applied, the admin UI and the demo board served, on the pinned Node", async () => {
    const output = await startBundle(
      "main.js",
      { DATA_DIR: mkdtempSync(join(tmpdir(), "jobsync-build-")), PORT: "0", DEMO_BOARD_PORT: "0" },
      /demo job board http:\/\/\S+/,
    );
    expect(output).toContain(`(database: pglite, Node ${PINNED})`);
    const url = /jobsync is ready at (http:\/\/\S+)/.exec(output)![1]!;
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "ready", migrations: loadMigrations().length });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const board = /demo job board (http:\/\/\S+)/.exec(output)![1]!;
    expect((await fetch(`${board}/robots.txt`)).status).toBe(200);
  });

  it("runs the CLI: output on stdout only, exit codes kept", () => {
    const ok = spawnSync(process.execPath, [join(OUT, "cli.js"), "normalize", "salary"], {
      input: "Tới 2,500 USD\n",
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ max: 2500, currency: "USD" });
    const unknown = spawnSync(process.execPath, [join(OUT, "cli.js"), "nope"], { encoding: "utf8" });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown command "nope"');
  });

  it("runs the worker, which refuses the embedded database with the reason", () => {
    const result = spawnSync(process.execPath, [join(OUT, "worker.js")], {
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("npm run worker needs DATABASE_URL (PostgreSQL) and JWT_SECRET");
  });

  // the entries load nothing but the version check before it passes: a dependency built for a newer Node would fail
  // first, and obscurely (undici 8 does on Node 20)
  const systemNode = "/usr/bin/node";
  const systemVersion = existsSync(systemNode)
    ? spawnSync(systemNode, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim()
    : "";
  it.runIf(systemVersion !== "" && nodeRuntimeProblem(systemVersion) !== null)(
    "refuses an older system Node.js with the reason, for every entry",
    () => {
      for (const entry of ["main.js", "worker.js", "cli.js"]) {
        const result = spawnSync(systemNode, [join(OUT, entry), "doctor"], { encoding: "utf8", env: {} });
        expect(result.status, entry).toBe(1);
        expect(result.stderr.trim(), entry).toBe(nodeRuntimeProblem(systemVersion));
      }
    },
  );

  it("refuses unknown targets and flags with the usage", () => {
    const target = build(["api"]);
    expect(target.status).toBe(2);
    expect(target.stderr).toContain("unknown build target api: choose server and/or web");
    const flag = build(["--watch"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("usage: node scripts/build.mjs [server] [web] [--force] [--out DIR]");
    const out = build(["--out", OUT]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("--out builds one target: name it (server or web)");
  });
});

describe.runIf(databaseKinds().includes("postgres"))("the production worker (PostgreSQL)", () => {
  let db: TestDatabase | null = null;
  afterAll(async () => {
    killSpawned();
    await db?.close();
  });

  it("starts ready on the pinned Node", async () => {
    db = await openTestDatabase("postgres");
    const output = await startBundle(
      "worker.js",
      { DATABASE_URL: db.url!, JWT_SECRET: "build-test-secret-0123456789-0123456789" },
      /worker ready/,
    );
    expect(output).toContain(`Node ${PINNED}`);
  });
});
