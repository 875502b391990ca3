import type { ManagedUser, UserRole } from "@jobsync/contracts";
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { type UserRow, users } from "../db/schema";

const ADMIN: UserRole = "admin";

export function toManagedUser(row: UserRow): ManagedUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    active: row.active,
    created_at: row.createdAt.toISOString(),
    last_login_at: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
  };
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows = await this.db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    return rows[0] ?? null;
  }

  async findById(id: string, db: Db = this.db): Promise<UserRow | null> {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0] ?? null;
  }

  list(): Promise<UserRow[]> {
    return this.db.select().from(users).orderBy(asc(users.email));
  }

  async countByRole(role: UserRole): Promise<number> {
    const rows = await this.db.select({ n: count() }).from(users).where(eq(users.role, role));
    return rows[0]?.n ?? 0;
  }

  /**
   * The ids of the active admins, locked (`FOR UPDATE`) until the transaction ends: two changes that would each leave
   * one admin take turns, and the second sees the first's result.
   */
  async lockActiveAdmins(tx: Db): Promise<string[]> {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, ADMIN), eq(users.active, true)))
      .for("update");
    return rows.map((r) => r.id);
  }

  /** Insert a user; returns null when the e-mail is taken. */
  async create(email: string, passwordHash: string, role: UserRole, db: Db = this.db): Promise<UserRow | null> {
    const rows = await db
      .insert(users)
      .values({ email: email.toLowerCase(), passwordHash, role })
      .onConflictDoNothing({ target: users.email })
      .returning();
    return rows[0] ?? null;
  }

  async update(id: string, values: { role?: UserRole; active?: boolean }, db: Db = this.db): Promise<UserRow | null> {
    const rows = await db
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return rows[0] ?? null;
  }

  async setPassword(email: string, passwordHash: string): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.email, email.toLowerCase()))
      .returning({ id: users.id });
    return rows.length === 1;
  }

  async setPasswordById(id: string, passwordHash: string, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    return rows.length === 1;
  }

  async touchLogin(id: string, db: Db = this.db): Promise<void> {
    await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id));
  }
}
