import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "../../lib/cn";

/**
 * The guide's `DropdownMenu`: Radix, so arrow keys, typeahead, Escape and focus return work. Not modal: a menu
 * does not hide the page from screen readers (Radix's modal menu marks the page aria-hidden while it stays
 * focusable, which WCAG forbids); Escape, Tab and a click outside still close it.
 */
export function DropdownMenu({ modal = false, ...props }: ComponentProps<typeof DropdownMenuPrimitive.Root>) {
  return <DropdownMenuPrimitive.Root modal={modal} {...props} />;
}
export const DropdownMenuTrigger = DropdownMenuPrimitive.Trigger;
export const DropdownMenuGroup = DropdownMenuPrimitive.Group;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.Content>) {
  return (
    <DropdownMenuPrimitive.Portal>
      <DropdownMenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        className={cn(
          "z-50 min-w-56 animate-fade-in overflow-hidden rounded-lg border border-zinc-200 bg-white p-1 text-[13px] shadow-lg",
          className,
        )}
        {...props}
      />
    </DropdownMenuPrimitive.Portal>
  );
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof DropdownMenuPrimitive.Item>) {
  return (
    <DropdownMenuPrimitive.Item
      className={cn(
        "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-zinc-800 outline-none select-none data-[disabled]:pointer-events-none data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof DropdownMenuPrimitive.Label>) {
  return (
    <DropdownMenuPrimitive.Label
      className={cn("px-2 pt-1.5 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof DropdownMenuPrimitive.Separator>) {
  return <DropdownMenuPrimitive.Separator className={cn("-mx-1 my-1 h-px bg-zinc-200", className)} {...props} />;
}

/** A menu entry with a check box; it keeps the menu open when toggled. */
export function DropdownMenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.CheckboxItem>) {
  return (
    <DropdownMenuPrimitive.CheckboxItem
      className={cn(
        "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-zinc-800 outline-none select-none data-[disabled]:pointer-events-none data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100",
        className,
      )}
      onSelect={(event) => event.preventDefault()}
      {...props}
    >
      <span
        aria-hidden
        className="flex size-3.5 shrink-0 items-center justify-center rounded-sm border border-zinc-300 bg-white data-[state=checked]:border-blue-600 data-[state=checked]:bg-blue-600"
        data-state={props.checked ? "checked" : "unchecked"}
      >
        <DropdownMenuPrimitive.ItemIndicator>
          <Check className="size-2.5 text-white" strokeWidth={3} aria-hidden />
        </DropdownMenuPrimitive.ItemIndicator>
      </span>
      {children}
    </DropdownMenuPrimitive.CheckboxItem>
  );
}
