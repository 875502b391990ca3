/** Helpers to create throw-away PostgreSQL databases next to the one DATABASE_URL names. */
export function adminUrl(databaseUrl: string, database?: string): string {
  const url = new URL(databaseUrl);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function templateDatabaseName(hash: string): string {
  return `jobsync_tmpl_${hash}`;
}
