import { type ChildProcess, spawn } from "node:child_process";
import { TEST_JWT_SECRET } from "../support/test-app";

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** True once the process has exited (by itself or killed). */
  dead(): boolean;
  /** Everything it wrote (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
}

const spawned = new Set<ChildProcess>();

/** SIGKILL every worker process this test file started that is still alive (for afterAll). */
export function killAllWorkerProcesses(): void {
  for (const child of spawned) child.kill("SIGKILL");
  spawned.clear();
}

/** `npm run worker` as a real process on this test's PostgreSQL database; resolves once it says it is ready. */
export function startWorkerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  timeoutMillis = 60_000,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      SYNC_STALE_SECS: "5",
      SYNC_CONCURRENCY: "2",
      LOG_LEVEL: "warn",
      ALLOW_PRIVATE_HOSTS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.add(child);
  let output = "";
  let dead = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      dead = true;
      spawned.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`worker not ready in time: ${output}`));
    }, timeoutMillis);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve({ child, pid: child.pid!, dead: () => dead, output: () => output, exited });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += String(chunk);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited ${code}: ${output}`));
    });
  });
}
