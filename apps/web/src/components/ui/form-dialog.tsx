import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type FormErrors, hasErrors } from "../../lib/form-errors";
import { Button } from "./button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "./dialog";

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** Tailwind max-width class. */
  width?: string;
  /** A `<DialogForm>`. */
  children: ReactNode;
}

/** The one shell of every create / edit dialog: title, description, then the form with its footer. */
export function FormDialog({ open, onOpenChange, title, description, width = "max-w-2xl", children }: FormDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent width={width}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}

export interface DialogFormProps {
  /** The form's accessible name. */
  label: string;
  /** The errors shown now: each field shows its own; the ones of no field are listed at the top. */
  errors: FormErrors;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  submitLabel: string;
  pending?: boolean;
  children: ReactNode;
}

/**
 * A form whose body scrolls and whose Cancel / Save stay in sight. When a submit finds errors, the first invalid
 * field (or the list of errors of no field) gets focus and is scrolled into view.
 */
export function DialogForm({ label, errors, onSubmit, onCancel, submitLabel, pending, children }: DialogFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!hasErrors(errors)) return;
    const form = formRef.current;
    const first = form?.querySelector<HTMLElement>("[aria-invalid='true']") ?? summaryRef.current;
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
  }, [errors]);
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-label={label} className="flex min-h-0 flex-1 flex-col">
      <DialogBody className="flex flex-col gap-4">
        {errors.form.length > 0 ? (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
          >
            {errors.form.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
        {children}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? t("common.saving") : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
