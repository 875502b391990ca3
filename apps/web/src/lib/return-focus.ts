import { MAIN_ID } from "./main-id";

/**
 * Where focus goes back to when a dialog closes. Radix returns it only to a `<Dialog.Trigger>`; ours are opened from
 * menus, table rows and links, so each dialog remembers what had focus when it opened (for an item of a menu, the
 * menu's trigger, as the menu is gone by then) and gives focus back to it, or, if that is gone or disabled, to the
 * dialog beneath or the page's heading. Never to <body>.
 */
export function openerOf(active: Element | null): HTMLElement | null {
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const menu = active.closest<HTMLElement>("[role=menu]");
  if (menu) {
    const triggerId = menu.getAttribute("aria-labelledby");
    return triggerId ? document.getElementById(triggerId) : null;
  }
  return active;
}

function focusable(element: HTMLElement | null): element is HTMLElement {
  return (
    element?.isConnected === true && !element.matches(":disabled") && element.closest("[hidden], [inert]") === null
  );
}

export function restoreFocus(opener: HTMLElement | null): void {
  if (focusable(opener)) {
    opener.focus();
    return;
  }
  const dialogs = document.querySelectorAll<HTMLElement>("[role=dialog], [role=alertdialog]");
  const beneath = dialogs[dialogs.length - 1];
  if (beneath) {
    beneath.focus();
    return;
  }
  focusMain();
}

/** Focus the page's heading, or its main content when it has none: where a skip link or a navigation lands. */
export function focusMain(): void {
  const main = document.getElementById(MAIN_ID);
  (main?.querySelector<HTMLElement>("h1") ?? main)?.focus();
}
