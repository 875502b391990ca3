import type { TFunction } from "i18next";
import type { ConfigField } from "../../lib/config-fields";
import { formatCount } from "../../lib/format";

/** i18next reads dots as nesting: "selectors.card" is stored as "selectors__card". */
const keyOf = (field: ConfigField) => field.key.replace(/\./g, "__");

/** The field's label in the UI language ("Request delay (seconds)"), else the key humanized. */
export function configFieldLabel(t: TFunction, field: ConfigField): string {
  return t(`config.labels.${keyOf(field)}` as never, { defaultValue: field.label });
}

/** The field's hint: its own, else the range and default of a number, or how to write a list. */
export function configFieldHint(t: TFunction, field: ConfigField): string | undefined {
  const own = t(`config.hints.${keyOf(field)}` as never, { defaultValue: "" });
  if (own) return own;
  if (field.type === "integer" || field.type === "number") {
    const range =
      field.min !== undefined && field.max !== undefined
        ? `${formatCount(field.min)}–${formatCount(field.max)}`
        : undefined;
    const fallback =
      field.defaultValue !== undefined ? t("config.defaultValue", { value: String(field.defaultValue) }) : undefined;
    return [range, fallback].filter(Boolean).join(", ") || undefined;
  }
  if (field.type === "string-list") return t("config.listHint");
  return undefined;
}
