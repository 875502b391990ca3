import {
  API_PATHS,
  apiErrorSchema,
  createUserRequestSchema,
  managedUserSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userListSchema,
  userWithPasswordSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { UserAdminService } from "../../auth/user-admin.service";
import { requestActor } from "../request-actor";

const tags = ["users"];
const security = [{ bearer: [] }];

export function userRoutes(service: UserAdminService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      API_PATHS.users,
      {
        config: { access: "admin" },
        schema: {
          tags,
          security,
          summary: "List users with role, status and last sign-in",
          response: { 200: userListSchema },
        },
      },
      async () => ({ items: await service.list() }),
    );
    app.post(
      API_PATHS.users,
      {
        schema: {
          tags,
          security,
          summary: "Create a user; without `password` one is generated and answered once",
          body: createUserRequestSchema,
          response: { 201: userWithPasswordSchema, 409: apiErrorSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(request.body, requestActor(request))),
    );
    app.patch(
      API_PATHS.user,
      {
        schema: {
          tags,
          security,
          summary: "Change a user's role or deactivate / reactivate them; their sessions end",
          description: "409 when the change would leave no active admin (`details.reason` = `last_admin`).",
          params: userIdParamsSchema,
          body: updateUserRequestSchema,
          response: { 200: managedUserSchema, 409: apiErrorSchema },
        },
      },
      async (request) => service.update(request.params.id, request.body, requestActor(request)),
    );
    app.post(
      API_PATHS.resetUserPassword,
      {
        schema: {
          tags,
          security,
          summary: "Set a user's password (typed, or generated and answered once); their sessions end",
          params: userIdParamsSchema,
          body: resetPasswordRequestSchema.nullish(),
          response: { 200: userWithPasswordSchema },
        },
      },
      async (request) =>
        service.resetPassword(request.params.id, request.body?.password ?? undefined, requestActor(request)),
    );
  };
}
