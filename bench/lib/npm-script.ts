import { readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { processTree, startChild } from "./processes";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The project's npm scripts: benchmarks run exactly what `npm start` and friends run. */
export const SCRIPTS = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An npm script's command line run as npm runs it: `sh -c`, from the root, node_modules/.bin first on PATH. */
export function script(command: string, env: NodeJS.ProcessEnv) {
  const path = `${join(ROOT, "node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`;
  return startChild("sh", ["-c", command], { ...env, PATH: path }, ROOT);
}

/** SIGTERM to the whole tree (a shell does not pass it on to the command it runs), SIGKILL after 10 s. */
export async function stopTree(child: ReturnType<typeof script>): Promise<void> {
  const pids = processTree(child.process.pid!);
  const signal = (name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await child.exited;
  for (let i = 0; i < 100 && pids.some(alive); i++) await sleep(100);
  clearTimeout(timer);
  signal("SIGKILL");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
