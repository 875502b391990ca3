import {
  API_PATHS,
  channelIdParamsSchema,
  createNotificationChannelSchema,
  deliveryListQuerySchema,
  MASKED,
  type NotificationChannel,
  notificationChannelListSchema,
  notificationChannelSchema,
  notificationDeliveryListSchema,
  updateNotificationChannelSchema,
} from "@jobsync/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { NotificationService } from "../../notifications/notification.service";
import { principalOf } from "../auth-hook";
import { requestActor } from "../request-actor";

const tags = ["notifications"];
const security = [{ bearer: [] }];

/** Viewers read channels too, but a webhook's signing secret only an admin sees. */
function forCaller(request: FastifyRequest, channel: NotificationChannel): NotificationChannel {
  return principalOf(request).role === "admin" ? channel : { ...channel, secret: MASKED };
}

export function notificationRoutes(service: NotificationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.notificationChannels,
      {
        schema: {
          tags,
          security,
          summary: "List notification channels (webhook, Slack-compatible webhook, e-mail)",
          response: { 200: notificationChannelListSchema.extend({ smtp_configured: z.boolean() }) },
        },
      },
      async (request) => ({
        items: (await service.list()).map((channel) => forCaller(request, channel)),
        smtp_configured: service.smtpConfigured,
      }),
    );
    app.post(
      API_PATHS.notificationChannels,
      {
        schema: {
          tags,
          security,
          summary:
            "Create a channel, global or for one data source (site_name); the webhook secret is generated if omitted",
          body: createNotificationChannelSchema,
          response: { 201: notificationChannelSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(request.body, requestActor(request))),
    );
    app.get(
      API_PATHS.notificationChannel,
      {
        schema: {
          tags,
          security,
          summary: "One notification channel",
          params: channelIdParamsSchema,
          response: { 200: notificationChannelSchema },
        },
      },
      async (request) => forCaller(request, await service.get(request.params.channel_id)),
    );
    app.patch(
      API_PATHS.notificationChannel,
      {
        schema: {
          tags,
          security,
          summary: "Update a channel (its type cannot change)",
          params: channelIdParamsSchema,
          body: updateNotificationChannelSchema,
          response: { 200: notificationChannelSchema },
        },
      },
      async (request) => service.update(request.params.channel_id, request.body, requestActor(request)),
    );
    app.delete(
      API_PATHS.notificationChannel,
      {
        schema: {
          tags,
          security,
          summary: "Delete a channel with its delivery log",
          params: channelIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.delete(request.params.channel_id, requestActor(request));
        return reply.status(204).send(null);
      },
    );
    app.get(
      API_PATHS.notificationDeliveries,
      {
        schema: {
          tags,
          security,
          summary: "Delivery log, newest first: status, attempts, last response code and error",
          querystring: deliveryListQuerySchema,
          response: { 200: notificationDeliveryListSchema },
        },
      },
      async (request) => ({ items: await service.deliveriesLog(request.query) }),
    );
  };
}
