import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useReturnFocus } from "../../hooks/use-return-focus";
import { cn } from "../../lib/cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export interface DialogContentProps extends ComponentProps<typeof DialogPrimitive.Content> {
  /** Tailwind max-width class. */
  width?: string;
  hideClose?: boolean;
}

/**
 * A centred modal: focus is trapped, and given back to what opened it when it closes; Escape and the close button
 * dismiss it. On a phone it takes nearly the whole screen and its body scrolls.
 */
export function DialogContent({
  className,
  width = "max-w-lg",
  hideClose,
  children,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: DialogContentProps) {
  const { t } = useTranslation();
  const focus = useReturnFocus({ onOpenAutoFocus, onCloseAutoFocus });
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 animate-fade-in bg-zinc-950/40" />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-1rem)] w-[calc(100vw-1rem)] -translate-x-1/2 -translate-y-1/2 animate-zoom-in flex-col rounded-lg border border-zinc-200 bg-white shadow-xl focus:outline-none sm:max-h-[calc(100dvh-3rem)] sm:w-[calc(100vw-3rem)]",
          width,
          className,
        )}
        {...focus}
        {...props}
      >
        {children}
        {hideClose ? null : (
          <DialogPrimitive.Close className="absolute top-3 right-3 rounded p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
            <X className="size-4" aria-hidden />
            <span className="sr-only">{t("common.closeDialog")}</span>
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1 border-b border-zinc-200 px-4 py-3 pr-12 sm:px-5 sm:py-4", className)}>
      {children}
    </div>
  );
}

export function DialogBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-5", className)}>{children}</div>;
}

/** `spread`: the first child on the left, the last on the right (and stacked when narrow). */
export function DialogFooter({ children, spread }: { children: ReactNode; spread?: boolean }) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center gap-2 border-t border-zinc-200 px-4 py-3 sm:px-5",
        spread ? "justify-between" : "justify-end",
      )}
    >
      {children}
    </div>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("text-[15px] font-semibold text-zinc-900", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-[13px] text-zinc-600", className)} {...props} />;
}
