import type { CliIo } from "@jobsync/crawler";
import { exitUnlessNodeSupported } from "../app/node-runtime";
import { runCli } from "./run-cli";

exitUnlessNodeSupported();

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

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
