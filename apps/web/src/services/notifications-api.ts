import {
  API_PATHS,
  apiPath,
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

/** The notification endpoints, on the shared API client. */
export const notificationsApi = {
  listChannels(api: ApiClient, signal?: AbortSignal): Promise<ChannelList> {
    return api.request("GET", API_PATHS.notificationChannels, { schema: channelListSchema, signal });
  },
  createChannel(api: ApiClient, body: CreateNotificationChannelRequest): Promise<NotificationChannel> {
    return api.request("POST", API_PATHS.notificationChannels, { body, schema: notificationChannelSchema });
  },
  updateChannel(api: ApiClient, id: string, body: UpdateNotificationChannelRequest): Promise<NotificationChannel> {
    return api.request("PATCH", apiPath(API_PATHS.notificationChannel, { channel_id: id }), {
      body,
      schema: notificationChannelSchema,
    });
  },
  deleteChannel(api: ApiClient, id: string): Promise<void> {
    return api.request("DELETE", apiPath(API_PATHS.notificationChannel, { channel_id: id }));
  },
  listDeliveries(
    api: ApiClient,
    query: { channel_id?: string; status?: string; limit?: number },
    signal?: AbortSignal,
  ): Promise<NotificationDelivery[]> {
    return api
      .request("GET", API_PATHS.notificationDeliveries, { query, schema: notificationDeliveryListSchema, signal })
      .then((list) => list.items);
  },
};
