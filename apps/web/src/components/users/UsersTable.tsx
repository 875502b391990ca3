import { type ManagedUser, USER_ROLES, type UserRole } from "@jobsync/contracts";
import { KeyRound, UserCheck, UserX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "../ui/badge";
import { Select } from "../ui/input";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { WriteButton } from "../ui/write-button";

export interface UsersTableProps {
  users: ManagedUser[];
  busy: boolean;
  onChangeRole: (user: ManagedUser, role: UserRole) => void;
  onSetActive: (user: ManagedUser, active: boolean) => void;
  onResetPassword: (user: ManagedUser) => void;
}

export function UsersTable({ users, busy, onChangeRole, onSetActive, onResetPassword }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("users.table")}>
      <TableHead>
        <tr>
          <Th>{t("users.columns.email")}</Th>
          <Th>{t("users.columns.role")}</Th>
          <Th>{t("users.columns.status")}</Th>
          <Th>{t("users.columns.lastLogin")}</Th>
          <Th>
            <span className="sr-only">{t("dataSources.columns.actions")}</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id} data-user={user.email}>
            <Td className="font-medium text-zinc-900">{user.email}</Td>
            <Td>
              <Select
                aria-label={t("users.roleOf", { email: user.email })}
                className="w-28"
                value={user.role}
                disabled={busy}
                onChange={(e) => onChangeRole(user, e.target.value as UserRole)}
              >
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(role === "admin" ? "layout.roleAdmin" : "layout.roleViewer")}
                  </option>
                ))}
              </Select>
            </Td>
            <Td>
              <Badge tone={user.active ? "green" : "neutral"}>
                {t(user.active ? "users.status.active" : "users.status.deactivated")}
              </Badge>
            </Td>
            <Td className="text-xs text-zinc-700">
              {user.last_login_at ? <Time value={user.last_login_at} /> : t("users.neverSignedIn")}
            </Td>
            <Td className="w-0">
              <div className="flex justify-end gap-1">
                <WriteButton size="sm" disabled={busy} onClick={() => onResetPassword(user)}>
                  <KeyRound className="size-3.5" aria-hidden />
                  {t("users.resetPassword")}
                </WriteButton>
                <WriteButton size="sm" disabled={busy} onClick={() => onSetActive(user, !user.active)}>
                  {user.active ? (
                    <UserX className="size-3.5" aria-hidden />
                  ) : (
                    <UserCheck className="size-3.5" aria-hidden />
                  )}
                  {t(user.active ? "users.deactivate" : "users.reactivate")}
                </WriteButton>
              </div>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
