import type { NotificationPayload } from "@jobsync/contracts";

const ICONS: Record<NotificationPayload["event"], string> = {
  "sync_job.completed": "✅",
  "sync_job.failed": "❌",
  "sync_job.cancelled": "⏹️",
  "data_source.degraded": "⚠️",
  "data_source.deactivated": "⛔",
  "sync_job.alarm": "🔔",
};

/** One line a person reads: Slack text, e-mail subject. */
export function notificationSubject(payload: NotificationPayload): string {
  return `${ICONS[payload.event]} jobsync: ${payload.message}`;
}

/** The e-mail body (plain text). */
export function notificationText(payload: NotificationPayload): string {
  const lines = [payload.message, ""];
  if (payload.sync_job) {
    const job = payload.sync_job;
    lines.push(`Sync job: ${job.job_id}`, `Status: ${job.status}`);
    if (job.error) lines.push(`Error: ${job.error}`);
    if (job.stats) {
      const s = job.stats as Record<string, number>;
      lines.push(
        `Jobs found: ${s.jobs_found ?? 0}, added: ${s.jobs_added ?? 0}, updated: ${s.jobs_updated ?? 0}, ` +
          `duplicates: ${s.duplicates ?? 0}, filtered: ${s.jobs_filtered ?? 0}, errors: ${s.errors ?? 0}`,
      );
    }
  }
  if (payload.data_source) {
    const ds = payload.data_source;
    lines.push(`Data source: ${ds.site_name} (${ds.health}, ${ds.consecutive_failures} failed sync jobs in a row)`);
  }
  for (const alarm of payload.alarms ?? []) lines.push(`Alarm (${alarm.kind}, ${alarm.field}): ${alarm.message}`);
  lines.push(`Event: ${payload.event} at ${payload.occurred_at}`);
  return lines.join("\n");
}

/** A Slack-compatible incoming-webhook body (also accepted by Mattermost, Rocket.Chat, Discord's /slack endpoint). */
export function slackBody(payload: NotificationPayload): { text: string; blocks: unknown[] } {
  const text = notificationSubject(payload);
  return {
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: notificationText(payload).replaceAll("\n\n", "\n") } }],
  };
}
