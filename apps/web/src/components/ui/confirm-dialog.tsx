import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useReturnFocus } from "../../hooks/use-return-focus";
import { Button } from "./button";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  pending?: boolean;
  /** A failure of the confirmed action, shown in the dialog. */
  error?: string | null;
  onConfirm: () => void;
}

/** "Are you sure?" as a Radix AlertDialog: focus starts on Cancel, Escape cancels, focus goes back to the opener. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  destructive,
  pending,
  error,
  onConfirm,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const focus = useReturnFocus({});
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[60] animate-fade-in bg-zinc-950/40" />
        <AlertDialog.Content
          className="fixed top-1/2 left-1/2 z-[70] w-[min(28rem,calc(100vw-1.5rem))] -translate-x-1/2 -translate-y-1/2 animate-zoom-in rounded-lg border border-zinc-200 bg-white p-5 shadow-xl focus:outline-none"
          {...focus}
        >
          <AlertDialog.Title className="text-[15px] font-semibold text-zinc-900">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-[13px] text-zinc-700">{description}</div>
          </AlertDialog.Description>
          {error ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-[13px] text-red-800">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancelLabel ?? t("common.cancel")}</Button>
            </AlertDialog.Cancel>
            <Button
              variant={destructive ? "destructive" : "primary"}
              disabled={pending}
              onClick={(event) => {
                event.preventDefault();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
