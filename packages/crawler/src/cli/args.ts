import { UsageError } from "./cli-io";

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  help: boolean;
}

/**
 * `--name value`, `--name=value` and positionals; `--help`/`-h` anywhere. Only the options in `known` are
 * accepted, each needs a value, and each may be given once.
 */
export function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!known.includes(name)) {
      throw new UsageError(`unknown option --${name}${known.length > 0 ? ` (known: --${known.join(", --")})` : ""}`);
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (value === "") throw new UsageError(`--${name} needs a value`);
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    options.set(name, value);
  }
  return { positionals, options, help };
}

/** A `--crawled-at` / `--now` value: an ISO date-time. */
export function dateOption(parsed: ParsedArgs, name: string): Date {
  const value = parsed.options.get(name);
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--${name} must be an ISO date-time such as 2025-10-18T12:00:00Z, got "${value}"`);
  }
  return date;
}
