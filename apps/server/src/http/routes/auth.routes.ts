import {
  API_PATHS,
  changePasswordRequestSchema,
  loginRequestSchema,
  streamTokenResponseSchema,
  tokenResponseSchema,
  userSchema,
} from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AuthService } from "../../auth/auth.service";
import { principalOf } from "../auth-hook";

export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      API_PATHS.login,
      {
        schema: {
          tags: ["auth"],
          summary: "Log in with e-mail and password; rate-limited per IP and e-mail",
          body: loginRequestSchema,
          response: { 200: tokenResponseSchema },
        },
      },
      async (request) => auth.login(request.body.email, request.body.password, request.ip),
    );
    app.get(
      API_PATHS.me,
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "The current user",
          security: [{ bearer: [] }],
          response: { 200: userSchema },
        },
      },
      async (request) => auth.me(principalOf(request)),
    );
    app.post(
      API_PATHS.streamToken,
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary:
            "A 5-minute token for what cannot send headers: `?token=` on the events stream and the report downloads",
          security: [{ bearer: [] }],
          response: { 200: streamTokenResponseSchema },
        },
      },
      async (request) => auth.streamToken(principalOf(request)),
    );
    app.post(
      API_PATHS.changePassword,
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Change your own password (the current one required); your other sessions end",
          security: [{ bearer: [] }],
          body: changePasswordRequestSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { current_password, new_password } = request.body;
        await auth.changePassword(principalOf(request), current_password, new_password, request.ip);
        return reply.status(204).send(null);
      },
    );
    app.post(
      API_PATHS.logout,
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "End this session: its tokens (stream tokens too) are refused from now on",
          security: [{ bearer: [] }],
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await auth.logout(principalOf(request), request.ip);
        return reply.status(204).send(null);
      },
    );
  };
}
