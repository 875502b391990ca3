import type { FieldError } from "@jobsync/contracts";
import type { ZodError } from "zod";

/** Errors by field path (`base_url`, `config.max_pages`), plus the ones that belong to no field. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, form: [] };

/**
 * `["search_keywords", 1]` under `config` → `config.search_keywords`: an error shows on the whole field (list items
 * are not fields); nested objects keep their keys (`config.selectors.card`).
 */
export function fieldPath(parts: ReadonlyArray<PropertyKey>, prefix?: string): string {
  const names: string[] = [];
  for (const part of parts) {
    const text = String(part);
    if (typeof part === "number" || /^\d+$/.test(text)) break;
    names.push(text);
  }
  if (names.length === 0) return prefix ?? "";
  const path = names.join(".");
  return prefix ? `${prefix}.${path}` : path;
}

export function mergeErrors(...lists: Array<Array<{ path: string; message: string }>>): FormErrors {
  const errors: FormErrors = { fields: {}, form: [] };
  for (const list of lists) {
    for (const { path, message } of list) {
      if (!path) errors.form.push(message);
      else errors.fields[path] ??= message;
    }
  }
  return errors;
}

export function zodErrors(error: ZodError, prefix?: string): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: fieldPath(issue.path, prefix), message: issue.message }));
}

/** The API's validation details: `{ path: "config.max_pages", message }`, paths normalised like ours. */
export function serverErrors(details: FieldError[]): Array<{ path: string; message: string }> {
  return details.map(({ path, message }) => ({ path: fieldPath(path.split(/[.[\]]/).filter(Boolean)), message }));
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}
