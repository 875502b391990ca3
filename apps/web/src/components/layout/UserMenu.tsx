import { useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, KeyRound, LogOut } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { useSession } from "../../app/session-context";
import { currentUserQuery } from "../../queries/session";
import { authApi } from "../../services/auth-api";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";
import { ChangePasswordDialog } from "./ChangePasswordDialog";

/** Who is signed in (the trigger's name is the e-mail it shows), Change password, and Sign out (ends the session). */
export function UserMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const { signOut } = useSession();
  const me = useQuery(currentUserQuery(api));
  const [changing, setChanging] = useState(false);
  const email = me.data?.email ?? "…";
  const signOutHere = () => {
    // the session ends on the server too; signed out here whatever it answers
    void authApi.logout(api).catch(() => {});
    signOut("signedOut");
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100">
          <span
            className="flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-[11px] font-semibold text-zinc-700 uppercase"
            aria-hidden
          >
            {email.charAt(0)}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-xs font-medium text-zinc-900">{email}</span>
            <span className="block text-[11px] text-zinc-600">
              {me.data ? t(me.data.role === "admin" ? "layout.roleAdmin" : "layout.roleViewer") : ""}
            </span>
          </span>
          <ChevronsUpDown className="size-3.5 text-zinc-500" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-52">
          <DropdownMenuLabel>{t("layout.signedInAs")}</DropdownMenuLabel>
          <div className="truncate px-2 pb-1.5 text-[13px]">{email}</div>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setChanging(true)}>
            <KeyRound className="size-3.5" aria-hidden />
            {t("account.changePassword")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={signOutHere}>
            <LogOut className="size-3.5" aria-hidden />
            {t("layout.signOut")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ChangePasswordDialog open={changing} onOpenChange={setChanging} />
    </>
  );
}
