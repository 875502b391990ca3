import { createInterface } from "node:readline";
import { monthlyEquivalentVnd } from "@jobsync/contracts";
import { parseDeadline, parseRelativeDate } from "../normalize/date";
import { parseExperience } from "../normalize/experience";
import { normalizeLocations } from "../normalize/location";
import { parseSalary } from "../normalize/salary";
import { dateOption, parseArgs } from "./args";
import { type CliIo, UsageError } from "./cli-io";

export const NORMALIZE_USAGE = `usage: normalize <salary|location|experience|date> [--now TIME] < values.txt

Read one value per line on stdin and print one JSON object per line:
  salary      "24 k - 25 k /giờ" → {"raw","min","max","currency","period","negotiable","monthly_vnd"}
              (period: month, year, week, day, shift, hour or piece; monthly_vnd: the full-time monthly
              equivalent {min, max} the salary filters compare, null for piece rates and unknown salaries)
  location    "Ho Chi Minh - Ha Noi", "Hà Nội & 2 nơi khác" → {"input","provinces","extra"}
  experience  "Dưới 1 năm", "3+ years of experience" → {"input","min_years","max_years"} (null: not stated)
  date        "30/11/2025" or "2 ngày trước" → {"input","date","kind"} (kind: deadline, relative or null)

options:
  --now TIME   ISO date-time that relative dates are counted from (default: now)
  -h, --help   this help`;

const KINDS = ["salary", "location", "experience", "date"] as const;
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
    if (given === undefined) throw new UsageError("missing what to normalize: salary, location, experience or date");
    if (!(KINDS as readonly string[]).includes(given)) {
      throw new UsageError(`unknown normalize kind "${given}": use salary, location, experience or date`);
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
    case "salary": {
      const salary = parseSalary(value);
      return { ...salary, monthly_vnd: monthlyEquivalentVnd(salary) };
    }
    case "experience": {
      const years = parseExperience(value);
      return { input: value, min_years: years?.min_years ?? null, max_years: years?.max_years ?? null };
    }
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
