import type { ConfigField } from "../../lib/config-fields";
import { Field, fieldAria } from "../ui/field";
import { Input, Select, Textarea } from "../ui/input";
import { Switch } from "../ui/switch";

export type ConfigDraft = Record<string, string | boolean>;

export interface ConfigFieldsProps {
  fields: ConfigField[];
  draft: ConfigDraft;
  /** Errors by field key (`max_pages`). */
  errors: Record<string, string>;
  onChange: (key: string, value: string | boolean) => void;
  idPrefix: string;
}

function hint(field: ConfigField): string | undefined {
  if (field.type === "integer" || field.type === "number") {
    const range = field.min !== undefined && field.max !== undefined ? `${field.min}–${field.max}` : undefined;
    return [range, field.defaultValue !== undefined ? `default ${String(field.defaultValue)}` : undefined]
      .filter(Boolean)
      .join(", ");
  }
  if (field.type === "string-list") return "One per line (or comma-separated), e.g. python-developer";
  return undefined;
}

/** The config form of a data source kind, one control per field of its schema, each error next to its field. */
export function ConfigFields({ fields, draft, errors, onChange, idPrefix }: ConfigFieldsProps) {
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-3">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const error = errors[field.key];
        const fieldHint = field.hint ?? hint(field);
        const aria = fieldAria(id, error, Boolean(fieldHint));
        const value = draft[field.key];
        switch (field.type) {
          case "boolean":
            return (
              <Field key={field.key} id={id} label={field.label} error={error}>
                <div className="flex h-8 items-center gap-2">
                  <Switch
                    {...aria}
                    checked={value === true}
                    onCheckedChange={(checked) => onChange(field.key, checked)}
                  />
                  <span className="text-xs text-zinc-500">{value === true ? "On" : "Off"}</span>
                </div>
              </Field>
            );
          case "enum":
            return (
              <Field key={field.key} id={id} label={field.label} error={error}>
                <Select {...aria} value={String(value ?? "")} onChange={(e) => onChange(field.key, e.target.value)}>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          case "string-list":
            return (
              <Field key={field.key} id={id} label={field.label} error={error} hint={fieldHint} className="col-span-2">
                <Textarea
                  {...aria}
                  rows={3}
                  className="font-mono text-xs"
                  value={String(value ?? "")}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              </Field>
            );
          case "integer":
          case "number":
            return (
              <Field key={field.key} id={id} label={field.label} error={error} hint={fieldHint}>
                <Input
                  {...aria}
                  inputMode={field.type === "integer" ? "numeric" : "decimal"}
                  value={String(value ?? "")}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              </Field>
            );
          default:
            return (
              <Field key={field.key} id={id} label={field.label} error={error} hint={fieldHint}>
                <Input {...aria} value={String(value ?? "")} onChange={(e) => onChange(field.key, e.target.value)} />
              </Field>
            );
        }
      })}
    </div>
  );
}
