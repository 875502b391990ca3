import { type NotificationPayload, WEBHOOK_HEADERS } from "@jobsync/contracts";
import { createGuardedFetch, type GuardedFetch, type NetworkPolicy, PrivateAddressError } from "@jobsync/crawler";
import type { Transporter } from "nodemailer";
import type { StoredChannel } from "./notification-channel.repository";
import { notificationSubject, notificationText, slackBody } from "./notification-message";
import { signWebhook } from "./webhook-signature";

/** The result of one attempt. `retryable` false ends the delivery as failed at once (e.g. a 404 or 400 answer). */
export interface SendResult {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  retryable: boolean;
}

export interface ChannelSenders {
  send(channel: StoredChannel, payload: NotificationPayload, deliveryId: string): Promise<SendResult>;
}

export interface SenderOptions {
  timeoutMillis: number;
  /** null: SMTP_URL is not set and e-mail channels fail with that reason. */
  mailer: Transporter | null;
  mailFrom: string;
  /** Who a webhook may reach (ALLOW_PRIVATE_WEBHOOKS): checked at connect time, so a rebinding name cannot pass. */
  network: NetworkPolicy;
}

const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 408 || status === 429;

async function postJson(
  client: GuardedFetch,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMillis: number,
): Promise<SendResult> {
  try {
    const response = await client.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "jobsync-notifications/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMillis),
    });
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, responseCode: response.status, error: null, retryable: false };
    }
    return {
      ok: false,
      responseCode: response.status,
      error: `the receiver answered HTTP ${response.status}`,
      retryable: RETRYABLE_STATUS(response.status),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause instanceof PrivateAddressError) {
      return { ok: false, responseCode: null, error: cause.message, retryable: false };
    }
    const name = (error as Error).name;
    const message =
      name === "TimeoutError"
        ? `no answer within ${timeoutMillis} ms`
        : (cause?.code ?? cause?.message ?? String(error));
    return { ok: false, responseCode: null, error: `could not reach the receiver: ${message}`, retryable: true };
  }
}

/** Webhook (signed JSON), Slack-compatible webhook, and e-mail over SMTP. */
export function createChannelSenders(options: SenderOptions): ChannelSenders {
  // one keep-alive pool for every webhook, its connections checked by the webhook policy
  const client = createGuardedFetch(options.network, { connectTimeoutMillis: options.timeoutMillis });
  return {
    async send(channel, payload, deliveryId) {
      switch (channel.type) {
        case "webhook":
        case "slack": {
          if (!channel.url) return { ok: false, responseCode: null, error: "the channel has no url", retryable: false };
          const body = JSON.stringify(
            channel.type === "slack" ? slackBody(payload) : { ...payload, delivery_id: deliveryId },
          );
          const timestamp = String(Math.floor(Date.now() / 1000));
          return postJson(
            client,
            channel.url,
            body,
            {
              [WEBHOOK_HEADERS.timestamp]: timestamp,
              [WEBHOOK_HEADERS.signature]: signWebhook(channel.secret, timestamp, body),
              [WEBHOOK_HEADERS.event]: payload.event,
              [WEBHOOK_HEADERS.delivery]: deliveryId,
            },
            options.timeoutMillis,
          );
        }
        case "email": {
          if (!options.mailer) {
            return { ok: false, responseCode: null, error: "SMTP_URL is not set: e-mail is off", retryable: false };
          }
          if (channel.email_to.length === 0) {
            return { ok: false, responseCode: null, error: "the channel has no email_to", retryable: false };
          }
          try {
            const info = await options.mailer.sendMail({
              from: options.mailFrom,
              to: channel.email_to,
              subject: notificationSubject(payload),
              text: notificationText(payload),
              headers: { "X-Jobsync-Delivery": deliveryId, "X-Jobsync-Event": payload.event },
            });
            const code = Number(/^(\d{3})/.exec(String(info.response ?? ""))?.[1] ?? 250);
            return { ok: true, responseCode: code, error: null, retryable: false };
          } catch (error) {
            const e = error as { responseCode?: number; message?: string };
            const code = typeof e.responseCode === "number" ? e.responseCode : null;
            return {
              ok: false,
              responseCode: code,
              error: `SMTP: ${e.message ?? String(error)}`,
              retryable: code === null || code < 500,
            };
          }
        }
      }
    },
  };
}
