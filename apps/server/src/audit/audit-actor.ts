/** Who did an audited action, and from where. */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  ip: string | null;
}

/** What the system does on its own (the hourly expiry sweep). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, email: null, ip: null };
