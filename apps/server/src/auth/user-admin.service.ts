import type { CreateUserRequest, ManagedUser, UpdateUserRequest, UserRole, UserWithPassword } from "@jobsync/contracts";
import type { AuditActor } from "../audit/audit-actor";
import { changedFields } from "../audit/audit-changes";
import type { AuditLogRepository } from "../audit/audit-log.repository";
import type { Db } from "../db/database";
import { inTransaction } from "../db/transaction";
import { AppError, conflict, notFound } from "../errors/app-error";
import type { LiveSessions } from "./live-sessions";
import { generatePassword, hashPassword } from "./password";
import type { SessionRepository } from "./session.repository";
import { toManagedUser, type UserRepository } from "./user.repository";

const ADMIN: UserRole = "admin";

/**
 * The Users page: create, change role, deactivate and reactivate, reset a password. The last active admin can never
 * be demoted or deactivated (409). A change of role, active flag or password ends that user's sessions; every change
 * and its audit row commit together.
 */
export class UserAdminService {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLogRepository,
    /** Told after the commit, so this process refuses the ended sessions at once. */
    private readonly liveSessions: LiveSessions,
  ) {}

  async list(): Promise<ManagedUser[]> {
    return (await this.users.list()).map(toManagedUser);
  }

  async create(body: CreateUserRequest, actor: AuditActor): Promise<UserWithPassword> {
    const generated = body.password === undefined ? generatePassword() : null;
    const hash = await hashPassword(body.password ?? (generated as string));
    const row = await inTransaction(this.db, async (tx) => {
      const created = await this.users.create(body.email, hash, body.role, tx);
      if (!created) throw conflict(`a user with e-mail ${body.email} already exists`);
      await this.audit.record(tx, actor, {
        action: "user.create",
        objectId: created.id,
        changes: changedFields({}, { email: created.email, role: created.role, active: true }),
      });
      return created;
    });
    return { ...toManagedUser(row), ...(generated ? { password: generated } : {}) };
  }

  async update(id: string, body: UpdateUserRequest, actor: AuditActor): Promise<ManagedUser> {
    const row = await inTransaction(this.db, async (tx) => {
      const admins = await this.users.lockActiveAdmins(tx);
      const current = await this.users.findById(id, tx);
      if (!current) throw notFound(`user ${id} not found`);
      const role = body.role ?? current.role;
      const active = body.active ?? current.active;
      const staysAdmin = role === ADMIN && active;
      if (admins.includes(id) && !staysAdmin && admins.length === 1) {
        throw new AppError(
          "conflict",
          `${current.email} is the last active admin: make another user an admin before you ${active ? "demote" : "deactivate"} this one`,
          { reason: "last_admin" },
        );
      }
      const changes = changedFields({ role: current.role, active: current.active }, { role, active });
      if (Object.keys(changes).length === 0) return current;
      const updated = await this.users.update(id, { role, active }, tx);
      const ended = await this.sessions.endAllOf(id, tx);
      await this.audit.record(tx, actor, {
        action: "user.update",
        objectId: id,
        changes: { ...changes, sessions_ended: ended },
      });
      return updated ?? current;
    });
    this.liveSessions.changedHere({ kind: "user", id });
    return toManagedUser(row);
  }

  /** A typed password, or a generated one answered once; the user's sessions end. */
  async resetPassword(id: string, password: string | undefined, actor: AuditActor): Promise<UserWithPassword> {
    const generated = password === undefined ? generatePassword() : null;
    const hash = await hashPassword(password ?? (generated as string));
    const row = await inTransaction(this.db, async (tx) => {
      const current = await this.users.findById(id, tx);
      if (!current) throw notFound(`user ${id} not found`);
      await this.users.setPasswordById(id, hash, tx);
      const ended = await this.sessions.endAllOf(id, tx);
      await this.audit.record(tx, actor, {
        action: "user.reset_password",
        objectId: id,
        changes: { password: "reset", sessions_ended: ended },
      });
      return current;
    });
    this.liveSessions.changedHere({ kind: "user", id });
    return { ...toManagedUser(row), ...(generated ? { password: generated } : {}) };
  }
}
