import { resolveArchiveOptions, type SourceKind, sourceConfigSchemas, syncOptionsShape } from "@jobsync/contracts";
import { humanize } from "./format";

/**
 * The config form is derived from the kind's zod schema in the contracts, so a new field or a new kind needs no UI
 * change. Each field knows its input type, bounds, allowed values and default. `label` is the key humanized: the
 * form shows the UI language's label and hint for the key (`config.labels.*`, `config.hints.*`) when it has one.
 */
export type ConfigField = (
  | { key: string; label: string; type: "integer" | "number"; min?: number; max?: number; defaultValue: unknown }
  | { key: string; label: string; type: "boolean"; defaultValue: unknown }
  | { key: string; label: string; type: "enum"; options: string[]; defaultValue: unknown }
  | { key: string; label: string; type: "string-list"; defaultValue: unknown }
  | { key: string; label: string; type: "text"; defaultValue: unknown }
) & {
  /** Optional without a default: an empty value leaves the key out of the config. */
  optional?: boolean;
};

const SYNC_OPTION_KEYS = new Set(Object.keys(syncOptionsShape));

interface SchemaLike {
  shape?: object;
  def: { type: string; innerType?: SchemaLike; defaultValue?: unknown; element?: SchemaLike };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: readonly unknown[];
}

function unwrap(schema: SchemaLike): { inner: SchemaLike; defaultValue: unknown; optional: boolean } {
  let current = schema;
  let defaultValue: unknown;
  let optional = false;
  while (current.def.innerType && ["default", "optional", "nullable", "prefault"].includes(current.def.type)) {
    if (current.def.type === "optional") optional = true;
    if (current.def.type === "default" && defaultValue === undefined) {
      const value = current.def.defaultValue;
      defaultValue = typeof value === "function" ? (value as () => unknown)() : value;
    }
    current = current.def.innerType;
  }
  return { inner: current, defaultValue, optional: optional && defaultValue === undefined };
}

function finite(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER
    ? value
    : undefined;
}

/** The kind's own crawl fields (the shared sync options are in `syncOptionFields`). */
export function configFields(kind: SourceKind): ConfigField[] {
  return fieldsOf(sourceConfigSchemas[kind].shape).filter((field) => !SYNC_OPTION_KEYS.has(field.key));
}

/** Filters, incremental sync and auto-disable: the options every kind shares. */
export function syncOptionFields(): ConfigField[] {
  return fieldsOf(syncOptionsShape);
}

/** The shared options' defaults that depend on the kind: the page archive is on for boards read as HTML. */
export function syncOptionDefaults(kind: string): KindDefaults {
  return { archive: resolveArchiveOptions(kind, {}).enabled };
}

function fieldsOf(schemaShape: object, prefix = ""): ConfigField[] {
  const shape = schemaShape as unknown as Record<string, SchemaLike>;
  return Object.entries(shape).flatMap(([name, schema]): ConfigField[] => {
    const key = `${prefix}${name}`;
    const { inner, defaultValue, optional } = unwrap(schema);
    // nested objects (the css source's selectors) become one field per key, named by their path: "selectors.card"
    if (inner.def.type === "object" && inner.shape) {
      return fieldsOf(inner.shape, `${key}.`).map((field) => ({
        ...field,
        label: `${humanize(name)}: ${field.label}`,
        ...(optional ? { optional: true } : {}),
      }));
    }
    const label = humanize(name);
    const extra = optional ? { optional } : {};
    switch (inner.def.type) {
      case "number":
        return [
          {
            key,
            label,
            type: inner.isInt ? "integer" : "number",
            min: finite(inner.minValue),
            max: finite(inner.maxValue),
            defaultValue,
            ...extra,
          },
        ];
      case "boolean":
        return [{ key, label, type: "boolean", defaultValue, ...extra }];
      case "enum":
        return [{ key, label, type: "enum", options: (inner.options ?? []).map(String), defaultValue, ...extra }];
      case "array":
        return [{ key, label, type: "string-list", defaultValue, ...extra }];
      default:
        return [{ key, label, type: "text", defaultValue, ...extra }];
    }
  });
}

/** A config value by its field key, following dots into nested objects. */
function valueAt(config: Record<string, unknown>, key: string): unknown {
  let current: unknown = config;
  for (const part of key.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Set a value by field key, creating the nested objects on the way. */
function setAt(config: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let current = config;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== "object" || next === null) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1] ?? key] = value;
}

/**
 * Defaults the schema cannot state because they depend on the source's kind (a field with none is optional in the
 * schema): the form shows them, and sends such a field only when it differs from them.
 */
export type KindDefaults = Record<string, unknown>;

/** The form's text values for a stored config (defaults filled in for missing keys). */
export function configToDraft(
  fields: ConfigField[],
  config: Record<string, unknown>,
  kindDefaults: KindDefaults = {},
): Record<string, string | boolean> {
  const draft: Record<string, string | boolean> = {};
  for (const field of fields) {
    const value = valueAt(config, field.key) ?? field.defaultValue ?? kindDefaults[field.key];
    if (field.type === "boolean") draft[field.key] = value === true;
    else if (field.type === "string-list") draft[field.key] = Array.isArray(value) ? value.join("\n") : "";
    else draft[field.key] = value === undefined || value === null ? "" : String(value);
  }
  return draft;
}

/**
 * The config object for a draft, typed as the schema expects, so that zod reports the real problem
 * ("max_pages must be a whole number from 1 to 1000") rather than "expected number, got string".
 */
export function draftToConfig(
  fields: ConfigField[],
  draft: Record<string, string | boolean>,
  kindDefaults: KindDefaults = {},
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    const value = draft[field.key];
    if (field.optional && field.type !== "boolean" && String(value ?? "").trim() === "") continue;
    // a switch left at its kind's default is not written: the stored config keeps following the default
    if (field.optional && field.key in kindDefaults && value === kindDefaults[field.key]) continue;
    if (field.type === "boolean") {
      setAt(config, field.key, value === true);
    } else if (field.type === "string-list") {
      setAt(
        config,
        field.key,
        String(value ?? "")
          .split(/[\n,]/)
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      );
    } else if (field.type === "integer" || field.type === "number") {
      const text = String(value ?? "").trim();
      // An empty number is an error to report, not a silent fall back to the default.
      setAt(config, field.key, text === "" ? Number.NaN : Number(text.replace(",", ".")));
    } else {
      const text = String(value ?? "").trim();
      setAt(config, field.key, text === "" ? undefined : text);
    }
  }
  return config;
}

/** The form field an error path belongs to: `config.max_pages`, `search_keywords.1` or `["max_pages"]`. */
export function fieldKeyOfPath(path: string | ReadonlyArray<PropertyKey>): string {
  const parts = typeof path === "string" ? path.split(/[.[\]]/).filter(Boolean) : path.map(String);
  const rest = parts[0] === "config" ? parts.slice(1) : parts;
  return rest[0] ?? "";
}
