import { loadEnvOrExit } from "../config/env";
import { DataDirLockedError } from "../db/data-dir-lock";
import { startJobsync } from "./start-jobsync";

/** `npm start`: validate the environment, then run API, UI and worker in this process. */
async function main() {
  const env = loadEnvOrExit();
  const running = await startJobsync({ env, print: (line) => console.log(line) });
  console.log(
    `jobsync is ready at ${running.url} (database: ${running.services.database.kind}, Node ${process.version})`,
  );
  console.log(`  admin UI ${running.url}/   API docs ${running.url}/api/docs`);
  if (running.demoBoardUrl) console.log(`  demo job board ${running.demoBoardUrl} (data source TopCV-Demo)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Runs `npm start`'s process; exits 1 with the reason when it cannot start. */
export function runServerProcess(): Promise<void> {
  return main().catch((error) => {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
