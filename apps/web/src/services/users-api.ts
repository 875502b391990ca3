import {
  API_PATHS,
  apiPath,
  type CreateUserRequest,
  type ManagedUser,
  managedUserSchema,
  type UpdateUserRequest,
  type UserList,
  type UserWithPassword,
  userListSchema,
  userWithPasswordSchema,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

/** The Users page's endpoints (admins only). */
export const usersApi = {
  list(api: ApiClient, signal?: AbortSignal): Promise<UserList> {
    return api.request("GET", API_PATHS.users, { schema: userListSchema, signal });
  },
  create(api: ApiClient, body: CreateUserRequest): Promise<UserWithPassword> {
    return api.request("POST", API_PATHS.users, { body, schema: userWithPasswordSchema });
  },
  update(api: ApiClient, id: string, body: UpdateUserRequest): Promise<ManagedUser> {
    return api.request("PATCH", apiPath(API_PATHS.user, { id }), { body, schema: managedUserSchema });
  },
  /** A generated password, answered once. */
  resetPassword(api: ApiClient, id: string): Promise<UserWithPassword> {
    return api.request("POST", apiPath(API_PATHS.resetUserPassword, { id }), {
      body: {},
      schema: userWithPasswordSchema,
    });
  },
};
