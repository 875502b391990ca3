import {
  createDataSourceSchema,
  type DataSource,
  parseSourceConfig,
  SOURCE_KINDS,
  type SourceKind,
  updateDataSourceSchema,
} from "@jobsync/contracts";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../hooks/use-form-errors";
import {
  configFields,
  configToDraft,
  draftToConfig,
  syncOptionDefaults,
  syncOptionFields,
} from "../../lib/config-fields";
import { fieldMessage } from "../../lib/field-messages";
import { hasErrors, mergeErrors, zodErrors } from "../../lib/form-errors";
import { Field, fieldAria } from "../ui/field";
import { DialogForm } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";
import { Switch } from "../ui/switch";
import { type ConfigDraft, ConfigFields } from "./ConfigFields";
import { type ScheduleDraft, ScheduleFields, scheduleBody, scheduleDraftOf } from "./ScheduleFields";
import { SelectorPreviewPanel } from "./SelectorPreviewPanel";

export interface CreateValues {
  mode: "create";
  body: {
    site_name: string;
    kind: SourceKind;
    base_url: string;
    is_active: boolean;
    config: Record<string, unknown>;
    schedule_cron?: string | null;
    schedule_timezone?: string;
  };
}
export interface EditValues {
  mode: "edit";
  body: {
    base_url: string;
    config: Record<string, unknown>;
    replace_config?: boolean;
    schedule_cron?: string | null;
    schedule_timezone?: string;
  };
}

export interface DataSourceFormProps {
  /** The data source to edit; absent for a new one. */
  source?: DataSource;
  pending?: boolean;
  /** The last failed submit: its validation details show next to their fields. */
  submitError?: unknown;
  onSubmit: (values: CreateValues | EditValues) => void;
  onCancel: () => void;
}

function scopedConfigErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    if (path.startsWith("config.")) out[path.slice("config.".length)] = message;
  }
  return out;
}

/**
 * Create or edit a data source. The config is checked on submit with the kind's zod schema from the contracts, and
 * the server's 400 details are shown the same way, each next to its field.
 */
export function DataSourceForm({ source, pending, submitError, onSubmit, onCancel }: DataSourceFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [siteName, setSiteName] = useState(source?.site_name ?? "");
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? SOURCE_KINDS[0]);
  const [baseUrl, setBaseUrl] = useState(source?.base_url ?? "");
  const [isActive, setIsActive] = useState(source?.is_active ?? true);
  const fields = useMemo(() => configFields(kind), [kind]);
  const [draft, setDraft] = useState<ConfigDraft>(() => configToDraft(fields, source?.config ?? {}));
  const optionFields = useMemo(() => syncOptionFields(), []);
  const optionDefaults = useMemo(() => syncOptionDefaults(kind), [kind]);
  const [optionDraft, setOptionDraft] = useState<ConfigDraft>(() =>
    configToDraft(optionFields, source?.config ?? {}, optionDefaults),
  );
  const [schedule, setSchedule] = useState<ScheduleDraft>(() => scheduleDraftOf(source));
  const { errors, setClientErrors, edited } = useFormErrors(submitError);
  /** A field's error, worded with the field's label. */
  const errorOf = (key: string, label: string) => {
    const message = errors.fields[key];
    return message ? fieldMessage(t, message, key, label) : null;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Filters and the other shared options: an emptied list is sent as [], an emptied number replaces the whole config
    const options = draftToConfig(optionFields, optionDraft, optionDefaults);
    let replace = false;
    for (const field of optionFields) {
      if (options[field.key] !== undefined || source?.config[field.key] === undefined) continue;
      if (field.type === "string-list") options[field.key] = [];
      else replace = true;
    }
    const config = { ...draftToConfig(fields, draft), ...options };
    // PATCH merges keys: an emptied optional field of the kind (a css source's page template or detail selectors)
    // would keep its stored value, so the whole config (every key is in the form) replaces the stored one
    if (source && Object.keys(source.config).some((key) => config[key] === undefined)) replace = true;
    const configCheck = parseSourceConfig(kind, config);
    const configIssues = configCheck.success ? [] : zodErrors(configCheck.error, "config");
    if (source) {
      const body = {
        base_url: baseUrl.trim(),
        config,
        ...(replace ? { replace_config: true } : {}),
        ...scheduleBody(schedule, source),
      };
      const check = updateDataSourceSchema.safeParse(body);
      const issues = check.success ? [] : zodErrors(check.error).filter((e) => !e.path.startsWith("config"));
      const found = mergeErrors(issues, configIssues);
      setClientErrors(found);
      if (!hasErrors(found)) onSubmit({ mode: "edit", body });
      return;
    }
    const body = {
      site_name: siteName.trim(),
      kind,
      base_url: baseUrl.trim(),
      is_active: isActive,
      config,
      ...scheduleBody(schedule, null),
    };
    const check = createDataSourceSchema.safeParse(body);
    const issues = check.success ? [] : zodErrors(check.error).filter((e) => !e.path.startsWith("config"));
    const found = mergeErrors(issues, configIssues);
    setClientErrors(found);
    if (!hasErrors(found)) onSubmit({ mode: "create", body });
  };

  const nameLabel = t("dataSources.form.name");
  const kindLabel = t("dataSources.form.kind");
  const urlLabel = t("dataSources.form.baseUrl");
  const siteError = errorOf("site_name", nameLabel);
  const kindError = errorOf("kind", kindLabel);
  const urlError = errorOf("base_url", urlLabel);
  return (
    <DialogForm
      label={source ? t("dataSources.form.editLabel") : t("dataSources.form.newLabel")}
      errors={errors}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={source ? t("common.saveChanges") : t("dataSources.form.create")}
      pending={pending}
    >
      <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
        {source ? null : (
          <>
            <Field id={`${id}-site`} label={nameLabel} error={siteError} hint={t("dataSources.form.nameHint")}>
              <Input
                {...fieldAria(`${id}-site`, siteError, true)}
                value={siteName}
                placeholder="TopCV"
                autoComplete="off"
                onChange={(e) => {
                  setSiteName(e.target.value);
                  edited();
                }}
              />
            </Field>
            <Field id={`${id}-kind`} label={kindLabel} error={kindError}>
              <Select
                {...fieldAria(`${id}-kind`, kindError)}
                value={kind}
                onChange={(e) => {
                  const next = e.target.value as SourceKind;
                  setKind(next);
                  setDraft(configToDraft(configFields(next), {}));
                  // the kind's own defaults for the switches that depend on it (the page archive)
                  setOptionDraft((current) => ({ ...current, archive: syncOptionDefaults(next).archive === true }));
                  edited();
                }}
              >
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
        <Field id={`${id}-url`} label={urlLabel} error={urlError} className={source ? "sm:col-span-2" : ""}>
          <Input
            {...fieldAria(`${id}-url`, urlError)}
            value={baseUrl}
            placeholder="https://www.topcv.vn"
            autoComplete="off"
            onChange={(e) => {
              setBaseUrl(e.target.value);
              edited();
            }}
          />
        </Field>
        {source ? null : (
          <div className="flex items-end">
            <div className="flex h-8 w-full items-center justify-between gap-3 rounded-md border border-zinc-300 px-3">
              <label htmlFor={`${id}-active`} className="text-xs font-medium text-zinc-800">
                {t("dataSources.form.active")}
              </label>
              <Switch id={`${id}-active`} checked={isActive} onCheckedChange={setIsActive} />
            </div>
          </div>
        )}
      </div>
      <fieldset className="flex min-w-0 flex-col gap-3 border-t border-zinc-200 pt-3">
        <legend className="pb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
          {t("dataSources.form.configuration", { kind })}
        </legend>
        <ConfigFields
          idPrefix={`${id}-config`}
          fields={fields}
          draft={draft}
          errors={scopedConfigErrors(errors.fields)}
          onChange={(key, value) => {
            setDraft((current) => ({ ...current, [key]: value }));
            edited();
          }}
        />
        {kind === "css" ? (
          <SelectorPreviewPanel baseUrl={baseUrl} buildConfig={() => draftToConfig(fields, draft)} />
        ) : null}
      </fieldset>
      <fieldset className="flex min-w-0 flex-col gap-3 border-t border-zinc-200 pt-3">
        <legend className="pb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
          {t("dataSources.form.filters")}
        </legend>
        <ConfigFields
          idPrefix={`${id}-options`}
          fields={optionFields}
          draft={optionDraft}
          errors={scopedConfigErrors(errors.fields)}
          onChange={(key, value) => {
            setOptionDraft((current) => ({ ...current, [key]: value }));
            edited();
          }}
        />
      </fieldset>
      <fieldset className="flex min-w-0 flex-col gap-3 border-t border-zinc-200 pt-3">
        <legend className="pb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
          {t("dataSources.form.schedule")}
        </legend>
        <ScheduleFields
          idPrefix={`${id}-schedule`}
          draft={schedule}
          errors={{ schedule_cron: errors.fields.schedule_cron, schedule_timezone: errors.fields.schedule_timezone }}
          onChange={(next) => {
            setSchedule(next);
            edited();
          }}
        />
      </fieldset>
    </DialogForm>
  );
}
