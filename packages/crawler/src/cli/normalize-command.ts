import { createInterface } from "node:readline";
import { parseDeadline, parseRelativeDate } from "../normalize/date";
import { normalizeLocations } from "../normalize/location";
import { parseSalary } from "../normalize/salary";
import { dateOption, parseArgs } from "./args";
import { type CliIo, UsageError } from "./cli-io";

export const NORMALIZE_USAGE = `usage: normalize <salary|location|date> [--now TIME] < values.txt

Read one value per line on stdin and print one JSON object per line:
  salary     "10 - 15 triệu" → {"raw","min","max","currency","period","negotiable"}
  location   "Hà Nội & 2 nơi khác" → {"input","provinces","extra"}
  date       "30/11/2025" or "2 ngày trước" → {"input","date","kind"} (kind: deadline, relative or null)

options:
  --now TIME   ISO date-time that relative dates are counted from (default: now)
  -h, --help   this help`;

const KINDS = ["salary", "location", "date"] as const;
type Kind = (typeof KINDS)[number];

/** `normalize salary|location|date`, values on stdin. Returns the exit code: 0, or 1 with a message on stderr. */
export async function normalizeCommand(args: readonly string[], io: CliIo): Promise<number> {
  let kind: Kind;
  let now: Date;
  try {
    const parsed = parseArgs(args, ["now"]);
    if (parsed.help) {
      io.stdout(NORMALIZE_USAGE);
      return 0;
    }
    const [given, ...extra] = parsed.positionals;
    if (given === undefined) throw new UsageError("missing what to normalize: salary, location or date");
    if (!(KINDS as readonly string[]).includes(given)) {
      throw new UsageError(`unknown normalize kind "${given}": use salary, location or date`);
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": values are read from stdin`);
    kind = given as Kind;
    now = dateOption(parsed, "now");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}`);
    io.stderr(NORMALIZE_USAGE);
    return 1;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) io.stdout(JSON.stringify(normalizeOne(kind, line, now)));
  return 0;
}

function normalizeOne(kind: Kind, value: string, now: Date): unknown {
  switch (kind) {
    case "salary":
      return parseSalary(value);
    case "location":
      return { input: value, ...normalizeLocations([value]) };
    case "date": {
      const deadline = parseDeadline(value);
      if (deadline !== null) return { input: value, date: deadline, kind: "deadline" };
      const relative = parseRelativeDate(value, now);
      if (relative !== null) return { input: value, date: relative.toISOString(), kind: "relative" };
      return { input: value, date: null, kind: null };
    }
  }
}
