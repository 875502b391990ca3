import { loginRequestSchema, streamTokenResponseSchema, tokenResponseSchema, userSchema } from "@jobsync/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AuthService } from "../../auth/auth.service";
import { principalOf } from "../auth-hook";

export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/auth/login",
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
      "/api/v1/auth/me",
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
      "/api/v1/auth/stream-token",
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
  };
}
