import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const running = new Set<ChildProcess>();

/**
 * Starts a process and resolves with everything it printed (stdout and stderr) once `ready` matches it; rejects with
 * that output when it exits first. killSpawned() ends the ones still running (for afterEach / afterAll).
 */
export function spawnUntil(command: string, args: string[], options: SpawnOptions, ready: RegExp): Promise<string> {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += String(chunk);
      if (ready.test(output)) resolve(output);
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("exit", (code) => {
      running.delete(child);
      reject(new Error(`${args.at(-1) ?? command} exited ${code}:\n${output}`));
    });
  });
}

/** SIGKILL every process spawnUntil started that is still running. */
export function killSpawned(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}
