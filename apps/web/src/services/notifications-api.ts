import {
  type CreateNotificationChannelRequest,
  type NotificationChannel,
  type NotificationDelivery,
  notificationChannelListSchema,
  notificationChannelSchema,
  notificationDeliveryListSchema,
  type UpdateNotificationChannelRequest,
} from "@jobsync/contracts";
import { z } from "zod";
import type { ApiClient } from "./api";

const channelListSchema = notificationChannelListSchema.extend({ smtp_configured: z.boolean() });
export type ChannelList = z.infer<typeof channelListSchema>;

const BASE = "/admin/notifications";

/** The notification endpoints, on the shared API client. */
export const notificationsApi = {
  listChannels(api: ApiClient, signal?: AbortSignal): Promise<ChannelList> {
    return api.request("GET", `${BASE}/channels`, { schema: channelListSchema, signal });
  },
  createChannel(api: ApiClient, body: CreateNotificationChannelRequest): Promise<NotificationChannel> {
    return api.request("POST", `${BASE}/channels`, { body, schema: notificationChannelSchema });
  },
  updateChannel(api: ApiClient, id: string, body: UpdateNotificationChannelRequest): Promise<NotificationChannel> {
    return api.request("PATCH", `${BASE}/channels/${encodeURIComponent(id)}`, {
      body,
      schema: notificationChannelSchema,
    });
  },
  deleteChannel(api: ApiClient, id: string): Promise<void> {
    return api.request("DELETE", `${BASE}/channels/${encodeURIComponent(id)}`);
  },
  listDeliveries(
    api: ApiClient,
    query: { channel_id?: string; status?: string; limit?: number },
    signal?: AbortSignal,
  ): Promise<NotificationDelivery[]> {
    return api
      .request("GET", `${BASE}/deliveries`, { query, schema: notificationDeliveryListSchema, signal })
      .then((list) => list.items);
  },
};
