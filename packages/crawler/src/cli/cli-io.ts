/** What a command reads and writes; the server's CLI and `run.ts` pass the process streams, tests their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  /** One line of output (no trailing newline). */
  stdout: (line: string) => void;
  /** One line of diagnostics (no trailing newline). */
  stderr: (line: string) => void;
}

/** A wrong command line: the message says what to fix; the command prints it with its usage and exits 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
