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
import { type FormEvent, useId, useMemo, useState } from "react";
import { ApiError } from "../../services/api-error";
import {
  type FormErrors,
  hasErrors,
  mergeErrors,
  NO_ERRORS,
  serverErrors,
  zodErrors,
} from "../data-sources/form-errors";
import { Button } from "../ui/button";
import { Field, fieldAria } from "../ui/field";
import { Input, Select, Textarea } from "../ui/input";

export const CHANNEL_TYPE_LABELS: Record<NotificationChannelType, string> = {
  webhook: "Webhook (signed JSON)",
  slack: "Slack-compatible webhook",
  email: "E-mail (SMTP)",
};

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  "sync_job.completed": "Sync job completed",
  "sync_job.failed": "Sync job failed",
  "sync_job.cancelled": "Sync job cancelled",
  "data_source.degraded": "Data source degraded",
  "data_source.deactivated": "Data source auto-disabled",
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
  const id = useId();
  const [name, setName] = useState(channel?.name ?? "");
  const [type, setType] = useState<NotificationChannelType>(channel?.type ?? "webhook");
  const [siteName, setSiteName] = useState(channel?.site_name ?? "");
  const [url, setUrl] = useState(channel?.url ?? "");
  const [emailTo, setEmailTo] = useState((channel?.email_to ?? []).join("\n"));
  const [events, setEvents] = useState<NotificationEvent[]>(channel?.events ?? [...NOTIFICATION_EVENTS]);
  const [secret, setSecret] = useState("");
  const [clientErrors, setClientErrors] = useState<FormErrors>(NO_ERRORS);
  const [dismissed, setDismissed] = useState<unknown>(null);

  const errors = useMemo<FormErrors>(() => {
    if (hasErrors(clientErrors)) return clientErrors;
    if (!submitError || submitError === dismissed) return NO_ERRORS;
    if (submitError instanceof ApiError) {
      const details = serverErrors(submitError.fieldErrors());
      return details.length > 0 ? mergeErrors(details) : { fields: {}, form: [submitError.message] };
    }
    return { fields: {}, form: [submitError instanceof Error ? submitError.message : String(submitError)] };
  }, [clientErrors, submitError, dismissed]);
  const edited = () => {
    setClientErrors(NO_ERRORS);
    setDismissed(submitError);
  };

  const submit = (event: FormEvent) => {
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
    if (type !== "email" && !url.trim()) found.fields.url ??= `url is required for a ${type} channel`;
    if (type === "email" && !body.email_to?.length) found.fields.email_to ??= "email_to must hold at least one address";
    setClientErrors(found);
    if (!hasErrors(found)) onSubmit(body);
  };

  const field = (key: string, hasHint = false) => fieldAria(`${id}-${key}`, errors.fields[key], hasHint);
  return (
    <form
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-4"
      aria-label={channel ? "Edit channel" : "New channel"}
    >
      {errors.form.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
          {errors.form.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-x-4 gap-y-3">
        <Field id={`${id}-name`} label="Name" error={errors.fields.name}>
          <Input
            {...field("name")}
            value={name}
            placeholder="Ops webhook"
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              edited();
            }}
          />
        </Field>
        <Field id={`${id}-type`} label="Type" error={errors.fields.type}>
          <Select
            {...field("type")}
            value={type}
            disabled={Boolean(channel)}
            onChange={(e) => {
              setType(e.target.value as NotificationChannelType);
              edited();
            }}
          >
            {NOTIFICATION_CHANNEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {CHANNEL_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-scope`} label="Data source" error={errors.fields.site_name} className="col-span-2">
          <Select
            {...field("site_name")}
            id={`${id}-scope`}
            value={siteName}
            onChange={(e) => {
              setSiteName(e.target.value);
              edited();
            }}
          >
            <option value="">All data sources (global)</option>
            {sources.map((s) => (
              <option key={s.id} value={s.site_name}>
                {s.site_name}
              </option>
            ))}
          </Select>
        </Field>
        {type === "email" ? (
          <Field
            id={`${id}-email`}
            label="Recipients"
            error={errors.fields.email_to}
            hint={smtpConfigured ? "One address per line" : "SMTP_URL is not set on the server: e-mails will fail"}
            className="col-span-2"
          >
            <Textarea
              {...fieldAria(`${id}-email`, errors.fields.email_to, true)}
              rows={2}
              value={emailTo}
              onChange={(e) => {
                setEmailTo(e.target.value);
                edited();
              }}
            />
          </Field>
        ) : (
          <Field id={`${id}-url`} label="URL" error={errors.fields.url} className="col-span-2">
            <Input
              {...fieldAria(`${id}-url`, errors.fields.url)}
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
            label="Signing secret"
            error={errors.fields.secret}
            hint={channel ? "Leave empty to keep the current secret" : "Leave empty to generate one"}
            className="col-span-2"
          >
            <Input
              {...fieldAria(`${id}-secret`, errors.fields.secret, true)}
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
      <fieldset className="flex flex-col gap-1.5">
        <legend className="pb-1 text-xs font-medium text-zinc-700">Events</legend>
        {NOTIFICATION_EVENTS.map((event) => (
          <label key={event} className="flex items-center gap-2 text-[13px]">
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={(e) => {
                setEvents((list) => (e.target.checked ? [...list, event] : list.filter((x) => x !== event)));
                edited();
              }}
            />
            {EVENT_LABELS[event]}
          </label>
        ))}
        {errors.fields.events ? (
          <p role="alert" className="text-xs text-red-600">
            {errors.fields.events}
          </p>
        ) : null}
      </fieldset>
      <div className="flex justify-end gap-2 border-t border-zinc-200 pt-3">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : channel ? "Save changes" : "Create channel"}
        </Button>
      </div>
    </form>
  );
}
