import type { CliIo } from "@jobsync/crawler";
import { runCli } from "./run-cli";

/** Runs `npm run cli -- <command>` with this process's arguments and streams; sets the exit code. */
export async function runCliProcess(): Promise<void> {
  // `npm run cli -- parse ... | head` closes the pipe early: that is not an error
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const io: CliIo = {
    stdin: process.stdin,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
