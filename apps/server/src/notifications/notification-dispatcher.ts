import type { ChannelSenders } from "./channel-senders";
import type { NotificationChannelRepository } from "./notification-channel.repository";
import type { NotificationDeliveryRepository } from "./notification-delivery.repository";

export interface DispatcherLogger {
  info(obj: object, message: string): void;
  warn(obj: object, message: string): void;
}

/** A retry is wanted: the queue runs the delivery again after its back-off. */
export class RetryDelivery extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryDelivery";
  }
}

/**
 * Delivers one outbox row: skips it once it is no longer pending (delivered, failed, or its channel deleted), sends
 * it, and records the attempt. A retryable failure below `maxAttempts` throws `RetryDelivery` for the queue's
 * back-off; the last attempt, or a permanent failure, ends the row as failed.
 */
export class NotificationDispatcher {
  constructor(
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly channels: NotificationChannelRepository,
    private readonly senders: ChannelSenders,
    private readonly maxAttempts: number,
    private readonly log: DispatcherLogger,
    /** Hears each attempt's outcome (metrics): delivered, retry (another attempt follows) or failed. */
    private readonly attempted: (channelType: string, outcome: "delivered" | "retry" | "failed") => void = () => {},
  ) {}

  async deliver(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.find(deliveryId);
    if (delivery?.status !== "pending") return;
    const channel = await this.channels.find(delivery.channelId);
    if (!channel) return;
    const result = await this.senders.send(channel, delivery.payload, delivery.id);
    const attempt = delivery.attempts + 1;
    const final = result.ok || !result.retryable || attempt >= this.maxAttempts;
    await this.deliveries.recordAttempt(delivery.id, {
      ok: result.ok,
      final,
      responseCode: result.responseCode,
      error: result.error,
    });
    const line = { deliveryId, channel: channel.name, event: delivery.event, attempt, code: result.responseCode };
    this.attempted(channel.type, result.ok ? "delivered" : final ? "failed" : "retry");
    if (result.ok) this.log.info(line, "notification delivered");
    else this.log.warn({ ...line, error: result.error }, final ? "notification failed" : "notification will retry");
    if (!final) throw new RetryDelivery(result.error ?? "delivery failed");
  }
}
