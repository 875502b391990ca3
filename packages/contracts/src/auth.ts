import { z } from "zod";

export const USER_ROLES = ["admin", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRoleSchema = z.enum(USER_ROLES, { error: "role must be admin or viewer" });

export const loginRequestSchema = z.strictObject({
  email: z
    .string({ error: "email must be a string" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ pattern: z.regexes.html5Email, error: "email must be a valid e-mail address" }).max(254)),
  password: z
    .string({ error: "password must be a string" })
    .min(1, { error: "password is required" })
    .max(1024, { error: "password must be at most 1024 characters" }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  expires_in: z.int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: userRoleSchema,
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** A short-lived token for `EventSource`, which cannot send an Authorization header. */
export const streamTokenResponseSchema = z.object({ token: z.string(), expires_in: z.int() });
export type StreamTokenResponse = z.infer<typeof streamTokenResponseSchema>;
