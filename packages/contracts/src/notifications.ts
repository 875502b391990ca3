import { z } from "zod";
import { siteNameSchema } from "./data-source";
import { boolean, httpUrl, oneOf } from "./field-rules";
import { UUID_PATTERN } from "./sync-job-api";

/** What a channel can be told about: the final statuses of a sync job and the auto-disable of a data source. */
export const NOTIFICATION_EVENTS = [
  "sync_job.completed",
  "sync_job.failed",
  "sync_job.cancelled",
  "data_source.degraded",
  "data_source.deactivated",
  /** Source health: a drift or layout_changed alarm on a sync job (issue 13). */
  "sync_job.alarm",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** webhook: signed JSON; slack: a Slack-compatible incoming-webhook payload; email: SMTP (needs SMTP_URL). */
export const NOTIFICATION_CHANNEL_TYPES = ["webhook", "slack", "email"] as const;
export type NotificationChannelType = (typeof NOTIFICATION_CHANNEL_TYPES)[number];

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Health of a data source after failed sync jobs in a row (see `auto_disable_after_failures`). */
export const SOURCE_HEALTH = ["ok", "degraded", "deactivated"] as const;
export type SourceHealth = (typeof SOURCE_HEALTH)[number];

/** Headers of a webhook delivery. The signature is hex HMAC-SHA256 over `${timestamp}.${body}` with the secret. */
export const WEBHOOK_HEADERS = {
  timestamp: "x-jobsync-timestamp",
  signature: "x-jobsync-signature",
  event: "x-jobsync-event",
  delivery: "x-jobsync-delivery",
} as const;

const channelName = z
  .string({ error: "name must be text" })
  .trim()
  .min(1, { error: "name must be 1-100 characters" })
  .max(100, { error: "name must be 1-100 characters" });

const emailList = z
  .array(z.email({ error: "email_to[] must be an e-mail address" }), { error: "email_to must be a list of addresses" })
  .max(20, { error: "email_to must hold at most 20 addresses" });

const eventList = z
  .array(oneOf("events[]", NOTIFICATION_EVENTS), { error: "events must be a list of event names" })
  .min(1, { error: `events must hold at least one of: ${NOTIFICATION_EVENTS.join(", ")}` });

const secret = z
  .string({ error: "secret must be text" })
  .min(16, { error: "secret must be 16-200 characters" })
  .max(200, { error: "secret must be 16-200 characters" });

const channelFields = {
  name: channelName,
  type: oneOf("type", NOTIFICATION_CHANNEL_TYPES),
  /** Omitted or null: every data source. */
  site_name: siteNameSchema.nullable().optional(),
  url: httpUrl("url").nullable().optional(),
  email_to: emailList.optional(),
  events: eventList.optional(),
  /** Webhook signing secret; generated when omitted. */
  secret: secret.optional(),
  is_active: boolean("is_active").optional(),
};

export const createNotificationChannelSchema = z.strictObject(channelFields);
export type CreateNotificationChannelRequest = z.infer<typeof createNotificationChannelSchema>;

export const updateNotificationChannelSchema = z.strictObject({
  name: channelName.optional(),
  site_name: siteNameSchema.nullable().optional(),
  url: httpUrl("url").nullable().optional(),
  email_to: emailList.optional(),
  events: eventList.optional(),
  secret: secret.optional(),
  is_active: boolean("is_active").optional(),
});
export type UpdateNotificationChannelRequest = z.infer<typeof updateNotificationChannelSchema>;

export const notificationChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(NOTIFICATION_CHANNEL_TYPES),
  site_name: z.string().nullable(),
  url: z.string().nullable(),
  email_to: z.array(z.string()),
  events: z.array(z.enum(NOTIFICATION_EVENTS)),
  /** The signing secret, so the receiver can be configured from the UI. */
  secret: z.string(),
  is_active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const notificationChannelListSchema = z.object({ items: z.array(notificationChannelSchema) });

export const channelIdParamsSchema = z.strictObject({
  channel_id: z.string().regex(UUID_PATTERN, { error: "channel_id must be a UUID" }),
});

export const notificationDeliverySchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  channel_name: z.string(),
  event: z.enum(NOTIFICATION_EVENTS),
  sync_job_id: z.string().nullable(),
  site_name: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.int(),
  response_code: z.int().nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
  last_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
});
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

export const notificationDeliveryListSchema = z.object({ items: z.array(notificationDeliverySchema) });

export const deliveryListQuerySchema = z.strictObject({
  channel_id: z.string().regex(UUID_PATTERN, { error: "channel_id must be a UUID" }).optional(),
  status: oneOf("status", DELIVERY_STATUSES).optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 200" })
    .pipe(
      z
        .int({ error: "limit must be a whole number from 1 to 200" })
        .min(1, { error: "limit must be a whole number from 1 to 200" })
        .max(200, { error: "limit must be a whole number from 1 to 200" }),
    )
    .default(50),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;

/** The JSON body of a webhook delivery (the Slack type sends `{ text }` instead). */
export interface NotificationPayload {
  event: NotificationEvent;
  delivery_id?: string;
  occurred_at: string;
  data_source: { site_name: string; health: SourceHealth; consecutive_failures: number } | null;
  sync_job: {
    job_id: string;
    status: string;
    error: string | null;
    stats: Record<string, unknown> | null;
    started_at: string | null;
    finished_at: string | null;
  } | null;
  message: string;
  /** `sync_job.alarm`: the alarms of the sync job. */
  alarms?: Array<{ kind: string; field: string; baseline: number | null; actual: number | null; message: string }>;
}
