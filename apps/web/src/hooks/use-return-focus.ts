import { useRef } from "react";
import { openerOf, restoreFocus } from "../lib/return-focus";

/** Handlers for a Radix dialog's content: remember the opener as it opens, give focus back to it as it closes. */
export function useReturnFocus<E extends Event>(handlers: {
  onOpenAutoFocus?: (event: E) => void;
  onCloseAutoFocus?: (event: E) => void;
}) {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus(event: E) {
      // Radix fires this before it moves focus into the dialog: what has focus now opened it.
      opener.current = openerOf(document.activeElement);
      handlers.onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus(event: E) {
      handlers.onCloseAutoFocus?.(event);
      if (event.defaultPrevented) return;
      event.preventDefault();
      restoreFocus(opener.current);
    },
  };
}
