import type { UserRole } from "@jobsync/contracts";
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import { type UserRow, users } from "../db/schema";

export class UserRepository {
  constructor(private readonly db: Db) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows = await this.db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0] ?? null;
  }

  async countByRole(role: UserRole): Promise<number> {
    const rows = await this.db.select({ n: count() }).from(users).where(eq(users.role, role));
    return rows[0]?.n ?? 0;
  }

  /** Insert a user; returns null when the e-mail is taken. */
  async create(email: string, passwordHash: string, role: UserRole): Promise<UserRow | null> {
    const rows = await this.db
      .insert(users)
      .values({ email: email.toLowerCase(), passwordHash, role })
      .onConflictDoNothing({ target: users.email })
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
}
