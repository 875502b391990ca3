import { useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, LogOut } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { useSession } from "../../app/session-context";
import { currentUserQuery } from "../../queries/session";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";

/** Who is signed in (the trigger's name is the e-mail it shows), and Sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const { signOut } = useSession();
  const me = useQuery(currentUserQuery(api));
  const email = me.data?.email ?? "…";
  return (
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
        <DropdownMenuItem onSelect={() => signOut("signedOut")}>
          <LogOut className="size-3.5" aria-hidden />
          {t("layout.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
