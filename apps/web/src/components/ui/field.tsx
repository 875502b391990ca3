import type { ReactNode } from "react";
import { cn } from "../../lib/cn";

export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** Already worded for this field (see `fieldMessage`): it names the field by its label. */
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/** A labelled form control with its hint and its validation error right under it. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The aria props that tie a control to its Field's error or hint. */
export function fieldAria(id: string, error: string | null | undefined, hasHint = false) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hasHint ? `${id}-hint` : undefined,
  } as const;
}
