import { z } from "zod";
import { loginRequestSchema, userRoleSchema } from "./auth";
import { boolean } from "./field-rules";
import { UUID_PATTERN } from "./sync-job-api";

/** Passwords people choose: 8 to 1024 characters. */
export const MIN_PASSWORD_LENGTH = 8;
export function newPassword(field: string) {
  const message = `${field} must be ${MIN_PASSWORD_LENGTH}-1024 characters`;
  return z.string({ error: message }).min(MIN_PASSWORD_LENGTH, { error: message }).max(1024, { error: message });
}

/** A user as the Users page lists it. */
export const managedUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: userRoleSchema,
  active: z.boolean(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

export const userListSchema = z.object({ items: z.array(managedUserSchema) });
export type UserList = z.infer<typeof userListSchema>;

/** `POST /admin/users`: without `password`, one is generated and answered once. */
export const createUserRequestSchema = z.strictObject({
  email: loginRequestSchema.shape.email,
  role: userRoleSchema,
  password: newPassword("password").optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** A created user, or one whose password was reset: `password` only when it was generated (shown once). */
export const userWithPasswordSchema = managedUserSchema.extend({ password: z.string().optional() });
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

export const updateUserRequestSchema = z
  .strictObject({ role: userRoleSchema.optional(), active: boolean("active").optional() })
  .refine((body) => body.role !== undefined || body.active !== undefined, {
    error: "give role or active (or both)",
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** `POST /admin/users/{id}/reset-password`: a typed password, or none to have one generated. */
export const resetPasswordRequestSchema = z.strictObject({ password: newPassword("password").optional() });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  current_password: z
    .string({ error: "current_password must be a string" })
    .min(1, { error: "current_password is required" })
    .max(1024, { error: "current_password must be at most 1024 characters" }),
  new_password: newPassword("new_password"),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const userIdParamsSchema = z.strictObject({
  id: z.string().regex(UUID_PATTERN, { error: "id must be a UUID" }),
});
