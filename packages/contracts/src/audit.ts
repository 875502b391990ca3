import { z } from "zod";
import { intInRange, oneOf } from "./field-rules";

/** What the audit log records, named `<object>.<verb>`. */
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.change_password",
  "user.create",
  "user.update",
  "user.reset_password",
  "data_source.create",
  "data_source.update",
  "data_source.activate",
  "data_source.deactivate",
  "data_source.delete",
  "sync_job.start",
  "sync_job.cancel",
  "sync_job.resume",
  "sync_job.reprocess",
  "job_posting.expire",
  "notification_channel.create",
  "notification_channel.update",
  "notification_channel.delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OBJECT_TYPES = ["user", "data_source", "sync_job", "job_posting", "notification_channel"] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** The kind of object each action is about (sign-ins are about a user). */
export function auditObjectType(action: AuditAction): AuditObjectType {
  const prefix = action.slice(0, action.indexOf("."));
  return prefix === "auth" ? "user" : (prefix as AuditObjectType);
}

/** A secret in an audit row's changes: never its value. */
export const MASKED = "********";

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Null for what the system did on its own (the hourly expiry sweep). */
  actor_email: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  object_type: z.enum(AUDIT_OBJECT_TYPES),
  object_id: z.string().nullable(),
  /** Updates: `{ field: { before, after } }` with secrets masked; other actions: what they did. */
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const isoTime = (field: string) =>
  z
    .string({ error: `${field} must be a date-time` })
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: `${field} must be a date-time (ISO 8601)` });

export const auditListQuerySchema = z.strictObject({
  /** The actor's e-mail (case-insensitive, part of it matches). */
  actor: z.string().trim().min(1, { error: "actor must not be empty" }).max(254).optional(),
  action: oneOf("action", AUDIT_ACTIONS).optional(),
  object_type: oneOf("object_type", AUDIT_OBJECT_TYPES).optional(),
  object_id: z.string().min(1).max(200).optional(),
  from: isoTime("from").optional(),
  to: isoTime("to").optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 200" })
    .pipe(intInRange("limit", 1, 200))
    .default(50),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, { error: "cursor must be a value returned as next_cursor" })
    .optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), next_cursor: z.string().nullable() });
export type AuditList = z.infer<typeof auditListSchema>;
