import { useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Toaster } from "sonner";
import { pageOf } from "../../app/navigation";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { MAIN_ID } from "../../lib/main-id";
import { focusMain } from "../../lib/return-focus";
import { SyncJobModal } from "../SyncJobModal";
import { MobileNav } from "./MobileNav";
import { Brand, SidebarNav } from "./SidebarNav";

/** After a navigation to another page, focus its heading, so a screen reader starts at the new page. */
function useFocusOnPageChange() {
  // the location once its page has loaded (pages opened now and then are loaded on first use): then its heading exists
  const pathname = useRouterState({ select: (state) => (state.resolvedLocation ?? state.location).pathname });
  const page = pageOf(pathname);
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    const frame = requestAnimationFrame(() => {
      if (document.querySelector("[role=dialog], [role=alertdialog]")) return;
      focusMain();
    });
    return () => cancelAnimationFrame(frame);
  }, [page]);
}

/** The admin dashboard: skip link, navigation (sidebar or drawer), the page, the sync job modal, and toasts. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const syncJob = useSyncJobLink();
  useFocusOnPageChange();
  return (
    <div className="flex min-h-screen flex-col nav:flex-row">
      <a
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          focusMain();
        }}
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-[13px] font-medium text-zinc-900 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("layout.skipToContent")}
      </a>
      <MobileNav />
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white nav:flex">
        <div className="px-4 py-4">
          <Brand />
        </div>
        <SidebarNav />
      </aside>
      <main id={MAIN_ID} tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        {children}
      </main>
      <SyncJobModal jobId={syncJob.openJobId} onClose={syncJob.close} onFollow={syncJob.open} />
      <Toaster
        position="bottom-right"
        richColors
        closeButton
        containerAriaLabel={t("layout.toasts")}
        toastOptions={{ closeButtonAriaLabel: t("common.dismiss") }}
      />
    </div>
  );
}
