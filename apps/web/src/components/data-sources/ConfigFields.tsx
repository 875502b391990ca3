import { useTranslation } from "react-i18next";
import type { ConfigField } from "../../lib/config-fields";
import { fieldMessage } from "../../lib/field-messages";
import { Field, fieldAria } from "../ui/field";
import { Input, Select, Textarea } from "../ui/input";
import { Switch } from "../ui/switch";
import { configFieldHint, configFieldLabel } from "./config-field-text";

export type ConfigDraft = Record<string, string | boolean>;

export interface ConfigFieldsProps {
  fields: ConfigField[];
  draft: ConfigDraft;
  /** Errors by field key (`max_pages`), as the API or the schema wrote them. */
  errors: Record<string, string>;
  onChange: (key: string, value: string | boolean) => void;
  idPrefix: string;
}

/** The config form of a data source kind, one control per field of its schema, each error next to its field. */
export function ConfigFields({ fields, draft, errors, onChange, idPrefix }: ConfigFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const label = configFieldLabel(t, field);
        const raw = errors[field.key];
        const error = raw ? fieldMessage(t, raw, field.key, label) : undefined;
        const fieldHint = configFieldHint(t, field);
        const aria = fieldAria(id, error, Boolean(fieldHint));
        const value = draft[field.key];
        switch (field.type) {
          case "boolean":
            return (
              <Field key={field.key} id={id} label={label} error={error}>
                <div className="flex h-8 items-center gap-2">
                  <Switch
                    {...aria}
                    checked={value === true}
                    onCheckedChange={(checked) => onChange(field.key, checked)}
                  />
                  <span className="text-xs text-zinc-600" aria-hidden>
                    {value === true ? t("common.on") : t("common.off")}
                  </span>
                </div>
              </Field>
            );
          case "enum":
            return (
              <Field key={field.key} id={id} label={label} error={error}>
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
              <Field key={field.key} id={id} label={label} error={error} hint={fieldHint} className="sm:col-span-2">
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
              <Field key={field.key} id={id} label={label} error={error} hint={fieldHint}>
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
              <Field key={field.key} id={id} label={label} error={error} hint={fieldHint}>
                <Input {...aria} value={String(value ?? "")} onChange={(e) => onChange(field.key, e.target.value)} />
              </Field>
            );
        }
      })}
    </div>
  );
}
