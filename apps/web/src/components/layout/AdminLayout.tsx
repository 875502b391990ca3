import { useQuery } from "@tanstack/react-query";
import { Bell, Briefcase, ChevronsUpDown, Database, History, LogOut, type LucideIcon, RefreshCw } from "lucide-react";
import type { ReactNode } from "react";
import { useApi } from "../../app/api-context";
import { useSession } from "../../app/session-context";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { cn } from "../../lib/cn";
import { currentUserQuery } from "../../queries/session";
import { SyncJobModal } from "../SyncJobModal";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";

export const NAV: Array<{ path: string; label: string; icon: LucideIcon }> = [
  { path: "/data-sources", label: "Data Sources", icon: Database },
  { path: "/sync-history", label: "Sync History", icon: History },
  { path: "/postings", label: "Job Postings", icon: Briefcase },
  { path: "/notifications", label: "Notifications", icon: Bell },
];

function UserMenu() {
  const api = useApi();
  const { signOut } = useSession();
  const me = useQuery(currentUserQuery(api));
  const email = me.data?.email ?? "…";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100"
        aria-label="User menu"
      >
        <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-[11px] font-semibold text-zinc-700 uppercase">
          {email.charAt(0)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-xs font-medium text-zinc-900">{email}</span>
          <span className="block text-[11px] text-zinc-500">{me.data?.role ?? ""}</span>
        </span>
        <ChevronsUpDown className="size-3.5 text-zinc-400" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent side="top" align="start" className="w-52">
        <DropdownMenuLabel>Signed in as</DropdownMenuLabel>
        <div className="truncate px-2 pb-1.5 text-[13px]">{email}</div>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut("You have signed out.")}>
          <LogOut className="size-3.5" aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** The admin dashboard: sidebar navigation, user menu, the page, and the sync job modal any page can open. */
export function AdminLayout({ path, children }: { path: string; children: ReactNode }) {
  const syncJob = useSyncJobLink();
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white">
        <div className="flex items-center gap-2 px-4 py-4">
          <span className="flex size-7 items-center justify-center rounded-md bg-zinc-900 text-white">
            <RefreshCw className="size-3.5" aria-hidden />
          </span>
          <span className="text-[15px] font-semibold tracking-tight">jobsync</span>
          <span className="ml-auto rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-medium text-zinc-500 uppercase">
            admin
          </span>
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 px-2">
          {NAV.map(({ path: target, label, icon: Icon }) => {
            const current = path === target || path.startsWith(`${target}/`);
            return (
              <a
                key={target}
                href={`#${target}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] font-medium",
                  current ? "bg-zinc-100 text-zinc-900" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </a>
            );
          })}
        </nav>
        <div className="border-t border-zinc-200 p-2">
          <UserMenu />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
      <SyncJobModal jobId={syncJob.openJobId} onClose={syncJob.close} />
    </div>
  );
}
