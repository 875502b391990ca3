import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../services/api";
import { notificationsApi } from "../services/notifications-api";

export const notificationKeys = {
  all: ["notifications"] as const,
  channels: () => [...notificationKeys.all, "channels"] as const,
  deliveries: (status: string) => [...notificationKeys.all, "deliveries", status] as const,
};

/** Deliveries change while retries run: refresh the log every few seconds while it holds a pending one. */
export const DELIVERIES_REFRESH_MS = 3_000;

export function channelsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: notificationKeys.channels(),
    queryFn: ({ signal }) => notificationsApi.listChannels(api, signal),
  });
}

export function deliveriesQuery(api: ApiClient, status: string) {
  return queryOptions({
    queryKey: notificationKeys.deliveries(status),
    queryFn: ({ signal }) =>
      notificationsApi.listDeliveries(api, { ...(status ? { status } : {}), limit: 100 }, signal),
    refetchInterval: (query) =>
      query.state.data?.some((d) => d.status === "pending") ? DELIVERIES_REFRESH_MS : DELIVERIES_REFRESH_MS * 3,
  });
}
