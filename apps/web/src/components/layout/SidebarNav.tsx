import { Link, useRouterState } from "@tanstack/react-router";
import { RefreshCw } from "lucide-react";
import { useTranslation } from "react-i18next";
import { isCurrent, NAV } from "../../app/navigation";
import { useRole } from "../../hooks/use-role";
import { cn } from "../../lib/cn";
import { LanguageSwitch } from "./LanguageSwitch";
import { UserMenu } from "./UserMenu";

export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="flex items-center gap-2">
      <span className="flex size-7 items-center justify-center rounded-md bg-zinc-900 text-white">
        <RefreshCw className="size-3.5" aria-hidden />
      </span>
      <span className="text-[15px] font-semibold tracking-tight">jobsync</span>
      <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-medium text-zinc-600 uppercase">
        {t("layout.admin")}
      </span>
    </span>
  );
}

/** The main navigation, the language and the user menu: the sidebar on wide screens, the drawer on narrow ones. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isViewer = useRole() === "viewer";
  return (
    <div className="flex h-full flex-col">
      <nav aria-label={t("layout.mainNav")} className="flex flex-1 flex-col gap-0.5 px-2">
        {NAV.filter((item) => !(item.adminOnly && isViewer)).map((item) => {
          const current = isCurrent(item, pathname);
          const Icon = item.icon;
          return (
            <Link
              key={item.to}
              to={item.to}
              onClick={onNavigate}
              aria-current={current ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] font-medium",
                current ? "bg-zinc-100 text-zinc-900" : "text-zinc-700 hover:bg-zinc-50 hover:text-zinc-900",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {t(item.label)}
            </Link>
          );
        })}
      </nav>
      <div className="flex flex-col gap-2 border-t border-zinc-200 p-2">
        <LanguageSwitch className="px-2" />
        <UserMenu />
      </div>
    </div>
  );
}
