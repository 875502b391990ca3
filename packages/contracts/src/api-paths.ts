/**
 * Every endpoint path of the API, defined once: the server registers its routes with these patterns and the web
 * client builds its request URLs from them with `apiPath`. `:name` is a path parameter.
 */
export const API_PREFIX = "/api/v1";

export const API_PATHS = {
  login: "/api/v1/auth/login",
  me: "/api/v1/auth/me",
  streamToken: "/api/v1/auth/stream-token",
  changePassword: "/api/v1/auth/change-password",
  logout: "/api/v1/auth/logout",

  dataSources: "/api/v1/admin/data-sources",
  dataSource: "/api/v1/admin/data-sources/:site_name",
  testSelectors: "/api/v1/admin/data-sources/test-selectors",
  scheduleRuns: "/api/v1/admin/data-sources/:site_name/schedule-runs",
  startSync: "/api/v1/admin/data-sources/:site_name/sync",
  batchSync: "/api/v1/admin/data-sources/sync",
  syncBatch: "/api/v1/admin/data-sources/sync/batches/:batch_id",
  syncJobs: "/api/v1/admin/data-sources/sync/jobs",
  syncJob: "/api/v1/admin/data-sources/sync/jobs/:job_id",
  cancelSyncJob: "/api/v1/admin/data-sources/sync/jobs/:job_id/cancel",
  resumeSyncJob: "/api/v1/admin/data-sources/sync/jobs/:job_id/resume",
  syncJobEvents: "/api/v1/admin/data-sources/sync/jobs/:job_id/events",
  syncJobExport: "/api/v1/admin/data-sources/sync/jobs/:job_id/export",
  reprocessSyncJob: "/api/v1/admin/data-sources/sync/jobs/:job_id/reprocess",
  syncJobArchive: "/api/v1/admin/data-sources/sync/jobs/:job_id/archive",
  syncJobSnapshots: "/api/v1/admin/data-sources/sync/jobs/:job_id/snapshots",
  syncJobSnapshot: "/api/v1/admin/data-sources/sync/jobs/:job_id/snapshots/:n",
  sourceHealth: "/api/v1/admin/data-sources/:site_name/health",

  expirePostings: "/api/v1/admin/postings/expire",
  notificationChannels: "/api/v1/admin/notifications/channels",
  notificationChannel: "/api/v1/admin/notifications/channels/:channel_id",
  notificationDeliveries: "/api/v1/admin/notifications/deliveries",

  users: "/api/v1/admin/users",
  user: "/api/v1/admin/users/:id",
  resetUserPassword: "/api/v1/admin/users/:id/reset-password",
  audit: "/api/v1/admin/audit",

  jobPostings: "/api/v1/jobs",
  jobPosting: "/api/v1/jobs/:id",
  jobPostingsExport: "/api/v1/jobs/export",
} as const;
export type ApiPath = (typeof API_PATHS)[keyof typeof API_PATHS];

/** The parameter names of a path pattern: `"/a/:x/b/:y"` → `"x" | "y"`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A concrete path from a pattern, each parameter URL-encoded: `apiPath(API_PATHS.user, { id })`. */
export function apiPath<P extends ApiPath>(
  pattern: P,
  ...[params]: [PathParams<P>] extends [never] ? [] : [Record<PathParams<P>, string | number>]
): string {
  return pattern.replace(/:([a-z_]+)/g, (_, name: string) => {
    const value = (params as Record<string, string | number> | undefined)?.[name];
    if (value === undefined) throw new Error(`apiPath: ${pattern} needs ${name}`);
    return encodeURIComponent(String(value));
  });
}
