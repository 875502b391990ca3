import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { focusMain } from "../../lib/return-focus";
import { Brand, SidebarNav } from "./SidebarNav";

/** Under ~900 px: a top bar whose Menu button opens the navigation as a drawer (focus trapped, Escape closes). */
export function MobileNav() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Closed by following a link: focus goes to the new page's heading, not back to the Menu button.
  const navigated = useRef(false);
  return (
    <div className="sticky top-0 z-30 flex items-center gap-3 border-b border-zinc-200 bg-white px-3 py-2 nav:hidden">
      <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
        <DialogPrimitive.Trigger className="flex size-9 items-center justify-center rounded-md text-zinc-800 hover:bg-zinc-100">
          <Menu className="size-5" aria-hidden />
          <span className="sr-only">{t("layout.menu")}</span>
        </DialogPrimitive.Trigger>
        <DialogPrimitive.Portal>
          <DialogPrimitive.Overlay className="fixed inset-0 z-40 animate-fade-in bg-zinc-950/40" />
          <DialogPrimitive.Content
            className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl focus:outline-none"
            aria-describedby={undefined}
            onCloseAutoFocus={(event) => {
              if (!navigated.current) return;
              navigated.current = false;
              event.preventDefault();
              requestAnimationFrame(focusMain);
            }}
          >
            <div className="flex items-center justify-between px-4 py-3">
              <DialogPrimitive.Title asChild>
                <span>
                  <Brand />
                </span>
              </DialogPrimitive.Title>
              <DialogPrimitive.Close className="rounded p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
                <X className="size-4" aria-hidden />
                <span className="sr-only">{t("layout.closeMenu")}</span>
              </DialogPrimitive.Close>
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto">
              <SidebarNav
                onNavigate={() => {
                  navigated.current = true;
                  setOpen(false);
                }}
              />
            </div>
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>
      <Brand />
    </div>
  );
}
