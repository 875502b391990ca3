import type { TFunction } from "i18next";

/**
 * Validation messages name the field as the form labels it ("Max pages must be a whole number from 1 to 100"), in
 * the UI language. The API and the contracts' schemas write them with the field's key first
 * ("max_pages must be a whole number from 1 to 100"); the key is replaced by the label, and the common shapes are
 * translated. A message of another shape keeps its (English) wording after the label.
 */
type Shape = { pattern: RegExp; render: (t: TFunction, label: string, match: RegExpExecArray) => string };

const SHAPES: Shape[] = [
  {
    pattern: /^must be a whole number from (-?[\d.]+) to (-?[\d.]+)$/,
    render: (t, label, m) => t("validation.wholeNumberRange", { label, min: m[1], max: m[2] }),
  },
  {
    pattern: /^must be a number from (-?[\d.]+) to (-?[\d.]+)(?: (.+))?$/,
    render: (t, label, m) =>
      m[3] === "seconds"
        ? t("validation.secondsRange", { label, min: m[1], max: m[2] })
        : t("validation.numberRange", { label, min: m[1], max: m[2] }),
  },
  { pattern: /^must be true or false$/, render: (t, label) => t("validation.boolean", { label }) },
  { pattern: /^must be one of: (.+)$/, render: (t, label, m) => t("validation.oneOf", { label, values: m[1] }) },
  { pattern: /^must be an http:\/\/ or https:\/\/ URL$/, render: (t, label) => t("validation.httpUrl", { label }) },
  { pattern: /^is not a valid URL$/, render: (t, label) => t("validation.httpUrl", { label }) },
  {
    pattern: /^must be at most (\d+) characters$/,
    render: (t, label, m) => t("validation.maxLength", { label, max: m[1] }),
  },
  {
    pattern: /^must be (\d+)-(\d+) characters$/,
    render: (t, label, m) => t("validation.lengthRange", { label, min: m[1], max: m[2] }),
  },
  {
    pattern: /^must be a slug of lower-case letters, digits and hyphens \(e\.g\. ([\w-]+)\), 1-80 characters$/,
    render: (t, label, m) => t("validation.slug", { label, example: m[1] }),
  },
  {
    pattern: /^must be 1-64 characters of letters, digits, '-' and '_', starting with a letter or digit$/,
    render: (t, label) => t("validation.siteName", { label }),
  },
  { pattern: /^is required$/, render: (t, label) => t("validation.required", { label }) },
  { pattern: /^must be a valid e-mail address$/, render: (t, label) => t("validation.email", { label }) },
  { pattern: /^must be an e-mail address$/, render: (t, label) => t("validation.email", { label }) },
  {
    pattern: /^is not a valid cron expression: (.+)$/,
    render: (t, label, m) => t("validation.cron", { label, reason: m[1] }),
  },
  {
    pattern: /^host (\S+) is a (?:private or loopback address|local name)$/,
    render: (t, label, m) => t("validation.privateHost", { label, host: m[1] }),
  },
];

/** The keys a message may start with for this field: `max_pages`, `config.max_pages`, `search_keywords[]`. */
function prefixesOf(key: string): string[] {
  return [key, `config.${key}`, `${key}[]`, `config.${key}[]`].sort((a, b) => b.length - a.length);
}

export function fieldMessage(t: TFunction, message: string, key: string, label: string): string {
  let rest: string | null = null;
  for (const prefix of prefixesOf(key)) {
    if (message.startsWith(`${prefix} `)) {
      rest = message.slice(prefix.length + 1);
      break;
    }
  }
  if (rest === null) return t("validation.other", { label, message });
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(rest);
    if (match) return shape.render(t, label, match);
  }
  return t("validation.sameWords", { label, rest });
}
