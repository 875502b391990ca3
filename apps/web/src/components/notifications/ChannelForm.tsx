import {
  type CreateNotificationChannelRequest,
  createNotificationChannelSchema,
  type DataSource,
  NOTIFICATION_CHANNEL_TYPES,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationChannelType,
  type NotificationEvent,
  updateNotificationChannelSchema,
} from "@jobsync/contracts";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../hooks/use-form-errors";
import type { TranslationKey } from "../../i18n/keys";
import { fieldMessage } from "../../lib/field-messages";
import { hasErrors, mergeErrors, zodErrors } from "../../lib/form-errors";
import { Field, fieldAria } from "../ui/field";
import { DialogForm } from "../ui/form-dialog";
import { Input, Select, Textarea } from "../ui/input";

export const CHANNEL_TYPE_LABELS: Record<NotificationChannelType, TranslationKey> = {
  webhook: "notifications.types.webhook",
  slack: "notifications.types.slack",
  email: "notifications.types.email",
};

export const EVENT_LABELS: Record<NotificationEvent, TranslationKey> = {
  "sync_job.completed": "notifications.events.completed",
  "sync_job.failed": "notifications.events.failed",
  "sync_job.cancelled": "notifications.events.cancelled",
  "data_source.degraded": "notifications.events.degraded",
  "data_source.deactivated": "notifications.events.deactivated",
  "sync_job.alarm": "notifications.events.alarm",
};

export interface ChannelFormProps {
  channel?: NotificationChannel;
  sources: DataSource[];
  smtpConfigured: boolean;
  pending?: boolean;
  submitError?: unknown;
  onSubmit: (body: CreateNotificationChannelRequest) => void;
  onCancel: () => void;
}

/** Create or edit a notification channel; checked with the contract's schema, server 400s shown by field. */
export function ChannelForm({
  channel,
  sources,
  smtpConfigured,
  pending,
  submitError,
  onSubmit,
  onCancel,
}: ChannelFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(channel?.name ?? "");
  const [type, setType] = useState<NotificationChannelType>(channel?.type ?? "webhook");
  const [siteName, setSiteName] = useState(channel?.site_name ?? "");
  const [url, setUrl] = useState(channel?.url ?? "");
  const [emailTo, setEmailTo] = useState((channel?.email_to ?? []).join("\n"));
  const [events, setEvents] = useState<NotificationEvent[]>(channel?.events ?? [...NOTIFICATION_EVENTS]);
  const [secret, setSecret] = useState("");
  const { errors, setClientErrors, edited } = useFormErrors(submitError);
  const labels: Record<string, string> = {
    name: t("notifications.form.name"),
    type: t("notifications.form.type"),
    site_name: t("notifications.form.source"),
    email_to: t("notifications.form.recipients"),
    url: t("notifications.form.url"),
    secret: t("notifications.form.secret"),
    events: t("notifications.form.events"),
  };
  /** A field's error, worded with the field's label. */
  const errorOf = (key: string) => {
    const message = errors.fields[key];
    return message ? fieldMessage(t, message, key, labels[key] ?? key) : null;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: CreateNotificationChannelRequest = {
      name: name.trim(),
      type,
      site_name: siteName || null,
      events,
      ...(type === "email"
        ? {
            email_to: emailTo
              .split(/[\n,]/)
              .map((a) => a.trim())
              .filter(Boolean),
          }
        : { url: url.trim() }),
      ...(secret.trim() ? { secret: secret.trim() } : {}),
    };
    const { type: _type, ...update } = body;
    const check = channel
      ? updateNotificationChannelSchema.safeParse(update)
      : createNotificationChannelSchema.safeParse(body);
    const found = mergeErrors(check.success ? [] : zodErrors(check.error));
    if (type !== "email" && !url.trim()) found.fields.url ??= "url is required";
    if (type === "email" && !body.email_to?.length) found.fields.email_to ??= "email_to is required";
    setClientErrors(found);
    if (!hasErrors(found)) onSubmit(body);
  };

  const field = (key: string, hasHint = false) => fieldAria(`${id}-${key}`, errorOf(key), hasHint);
  return (
    <DialogForm
      label={channel ? t("notifications.form.editLabel") : t("notifications.form.newLabel")}
      errors={errors}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={channel ? t("common.saveChanges") : t("notifications.form.create")}
      pending={pending}
    >
      <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
        <Field id={`${id}-name`} label={labels.name ?? ""} error={errorOf("name")}>
          <Input
            {...field("name")}
            value={name}
            placeholder={t("notifications.form.namePlaceholder")}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              edited();
            }}
          />
        </Field>
        <Field id={`${id}-type`} label={labels.type ?? ""} error={errorOf("type")}>
          <Select
            {...field("type")}
            value={type}
            disabled={Boolean(channel)}
            onChange={(e) => {
              setType(e.target.value as NotificationChannelType);
              edited();
            }}
          >
            {NOTIFICATION_CHANNEL_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(CHANNEL_TYPE_LABELS[value])}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id={`${id}-site_name`}
          label={labels.site_name ?? ""}
          error={errorOf("site_name")}
          className="sm:col-span-2"
        >
          <Select
            {...field("site_name")}
            value={siteName}
            onChange={(e) => {
              setSiteName(e.target.value);
              edited();
            }}
          >
            <option value="">{t("notifications.form.allSources")}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.site_name}>
                {s.site_name}
              </option>
            ))}
          </Select>
        </Field>
        {type === "email" ? (
          <Field
            id={`${id}-email_to`}
            label={labels.email_to ?? ""}
            error={errorOf("email_to")}
            hint={smtpConfigured ? t("notifications.form.recipientsHint") : t("notifications.form.noSmtp")}
            className="sm:col-span-2"
          >
            <Textarea
              {...field("email_to", true)}
              rows={2}
              value={emailTo}
              onChange={(e) => {
                setEmailTo(e.target.value);
                edited();
              }}
            />
          </Field>
        ) : (
          <Field id={`${id}-url`} label={labels.url ?? ""} error={errorOf("url")} className="sm:col-span-2">
            <Input
              {...field("url")}
              value={url}
              placeholder={
                type === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/hooks/jobsync"
              }
              autoComplete="off"
              onChange={(e) => {
                setUrl(e.target.value);
                edited();
              }}
            />
          </Field>
        )}
        {type === "webhook" ? (
          <Field
            id={`${id}-secret`}
            label={labels.secret ?? ""}
            error={errorOf("secret")}
            hint={channel ? t("notifications.form.secretKeep") : t("notifications.form.secretGenerate")}
            className="sm:col-span-2"
          >
            <Input
              {...field("secret", true)}
              value={secret}
              autoComplete="off"
              onChange={(e) => {
                setSecret(e.target.value);
                edited();
              }}
            />
          </Field>
        ) : null}
      </div>
      <fieldset
        className="flex flex-col gap-1.5"
        aria-describedby={errorOf("events") ? `${id}-events-error` : undefined}
      >
        <legend className="pb-1 text-xs font-medium text-zinc-800">{labels.events}</legend>
        {NOTIFICATION_EVENTS.map((event, index) => (
          <label key={event} className="flex items-center gap-2 text-[13px]">
            <input
              type="checkbox"
              checked={events.includes(event)}
              aria-invalid={index === 0 && errorOf("events") ? true : undefined}
              onChange={(e) => {
                setEvents((list) => (e.target.checked ? [...list, event] : list.filter((x) => x !== event)));
                edited();
              }}
            />
            {t(EVENT_LABELS[event])}
          </label>
        ))}
        {errorOf("events") ? (
          <p id={`${id}-events-error`} className="text-xs text-red-700">
            {errorOf("events")}
          </p>
        ) : null}
      </fieldset>
    </DialogForm>
  );
}
