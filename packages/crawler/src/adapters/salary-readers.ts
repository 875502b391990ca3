import type { Salary, SourceKind } from "@jobsync/contracts";
import { parseSalary } from "../normalize/salary";
import { itviecSalary } from "./itviec/salary";

/**
 * How each kind's salary text is read, so that stored postings can be re-normalised from their raw text (`npm run
 * cli -- renormalize`) exactly as Process Jobs reads it now. Null: the board gives salaries as numbers (JSON APIs),
 * its raw text only repeats them — the stored numbers are kept.
 */
const READERS: Readonly<Record<SourceKind, ((text: string | null) => Salary) | null>> = {
  topcv: parseSalary,
  css: parseSalary,
  itviec: itviecSalary,
  greenhouse: null,
  lever: null,
};

export function salaryReaderFor(kind: SourceKind): ((text: string | null) => Salary) | null {
  return Object.hasOwn(READERS, kind) ? READERS[kind] : parseSalary;
}
