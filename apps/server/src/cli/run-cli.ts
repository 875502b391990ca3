import { type CliIo, NORMALIZE_USAGE, normalizeCommand, PARSE_USAGE, parseCommand } from "@jobsync/crawler";
import { EnvError } from "../config/env";
import { DataDirLockedError } from "../db/data-dir-lock";
import { CliError } from "./cli-context";
import { ARCHIVE_USAGE, archiveCommand } from "./commands/archive";
import { DOCTOR_USAGE, doctorCommand } from "./commands/doctor";
import { EXPIRE_USAGE, expireCommand } from "./commands/expire";
import { RENORMALIZE_USAGE, renormalizeCommand } from "./commands/renormalize";
import { SEED_USAGE, seedTopcvCommand } from "./commands/seed-topcv";
import { USERS_USAGE, usersCreate, usersResetPassword } from "./commands/users";

const USAGE = `usage: npm run cli -- <command> [options]

commands:
${[USERS_USAGE, SEED_USAGE, DOCTOR_USAGE, EXPIRE_USAGE, RENORMALIZE_USAGE, PARSE_USAGE, NORMALIZE_USAGE, ARCHIVE_USAGE].join("\n\n")}`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  "users:create": usersCreate,
  "users:reset-password": usersResetPassword,
  "seed:topcv": seedTopcvCommand,
  doctor: doctorCommand,
  expire: expireCommand,
  renormalize: renormalizeCommand,
  parse: parseCommand,
  normalize: normalizeCommand,
  archive: archiveCommand,
};

/** `npm run cli -- <command>`: exit 0 on success, 1 with a clear message otherwise. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
    return 1;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof EnvError || error instanceof DataDirLockedError) {
      io.stderr(`${name}: ${error.message}`);
      return 1;
    }
    io.stderr(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
