/**
 * Standalone entry of the crawler CLI:
 *   tsx packages/crawler/src/cli/run.ts parse --adapter topcv --page listing FILE.html
 *   tsx packages/crawler/src/cli/run.ts normalize salary < values.txt
 * The server's `npm run cli -- parse ...` calls the same commands.
 */
import type { CliIo } from "./cli-io";
import { NORMALIZE_USAGE, normalizeCommand } from "./normalize-command";
import { PARSE_USAGE, parseCommand } from "./parse-command";

const USAGE = `usage: run.ts <command> [options]

commands:
  parse       parse a saved page with a site adapter (parse --help)
  normalize   normalise salaries, locations or dates read on stdin (normalize --help)

${PARSE_USAGE}

${NORMALIZE_USAGE}`;

async function main(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    stdin: process.stdin,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return parseCommand(rest, io);
    case "normalize":
      return normalizeCommand(rest, io);
    case "help":
    case "--help":
    case "-h":
      io.stdout(USAGE);
      return 0;
    case undefined:
      io.stderr("error: missing command: parse or normalize");
      io.stderr(USAGE);
      return 1;
    default:
      io.stderr(`error: unknown command "${command}": use parse or normalize`);
      return 1;
  }
}

// Output piped into a program that stops reading early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
