import {
  API_PATHS,
  type LoginRequest,
  type StreamTokenResponse,
  streamTokenResponseSchema,
  type TokenResponse,
  tokenResponseSchema,
  type User,
  userSchema,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

export const authApi = {
  login(api: ApiClient, body: LoginRequest): Promise<TokenResponse> {
    return api.request("POST", API_PATHS.login, { body, schema: tokenResponseSchema, auth: false });
  },
  me(api: ApiClient, signal?: AbortSignal): Promise<User> {
    return api.request("GET", API_PATHS.me, { schema: userSchema, signal });
  },
  /** A 5-minute token for download links (`?token=`). */
  streamToken(api: ApiClient): Promise<StreamTokenResponse> {
    return api.request("POST", API_PATHS.streamToken, { schema: streamTokenResponseSchema });
  },
};
