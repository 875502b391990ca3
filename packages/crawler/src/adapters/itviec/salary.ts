import type { Salary } from "@jobsync/contracts";
import { parseSalary, unknownSalary } from "../../normalize/salary";
import { collapseSpaces, foldText } from "../../normalize/text";

/** ITviec hides salaries from visitors: the card says "Sign in to view salary". */
const SIGN_IN = /sign in to view salary|dang nhap de xem muc luong|dang nhap de xem luong/;
/** ITviec's words for a salary it will not put in numbers. */
const ATTRACTIVE = /you'?ll love it|very attractive|attractive|hap dan|canh tranh/;

/**
 * ITviec salary forms: "Sign in to view salary" → unknown (null raw, null numbers: not zero), "You'll love it" →
 * negotiable, numbers ("1,000 - 2,000 USD", "Up to $3,000", "25,000,000 - 40,000,000 VND") → the normaliser.
 */
export function itviecSalary(text: string | null): Salary {
  if (text === null) return unknownSalary(null);
  const raw = collapseSpaces(text);
  if (raw === "") return unknownSalary(null);
  const folded = foldText(raw);
  if (SIGN_IN.test(folded)) return unknownSalary(null);
  const parsed = parseSalary(raw);
  if (parsed.min === null && parsed.max === null && ATTRACTIVE.test(folded)) return unknownSalary(raw, true);
  return parsed;
}

/** Whether a card's salary text is the sign-in prompt (the real salary is not on the page). */
export function isSalaryHidden(text: string | null): boolean {
  return text !== null && SIGN_IN.test(foldText(text));
}
