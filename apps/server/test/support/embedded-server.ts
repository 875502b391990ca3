import { type ChildProcess, spawn } from "node:child_process";

export interface EmbeddedServer {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output(): string;
}

/**
 * The `npm start` entry point (embedded PGlite, API and worker in one process) as a new user runs it, on its own
 * DATA_DIR and a free port; resolves once it prints its ready line. The UI build is skipped: the API is under test.
 */
export function startEmbeddedServer(dataDir: string, env: Record<string, string>): Promise<EmbeddedServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 120_000);
    const collect = (chunk: Buffer) => {
      output += String(chunk);
      const match = /jobsync is ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited, output: () => output });
      }
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited ${code}:\n${output}`));
    });
  });
}
