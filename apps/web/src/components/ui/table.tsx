import { type HTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes, useEffect, useRef, useState } from "react";
import { cn } from "../../lib/cn";

/**
 * A wide table scrolls sideways inside its card on a narrow screen. While it does, the card is a named, focusable
 * region, so it can be scrolled from the keyboard too.
 */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white"
      {...(scrolls ? { role: "region", tabIndex: 0, "aria-label": props["aria-label"] } : {})}
    >
      <table className={cn("w-full border-collapse text-[13px]", className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-zinc-200 bg-zinc-50/80", className)} {...props} />;
}

export function TableBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("border-b border-zinc-100 last:border-b-0", className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        "px-3 py-2 text-left text-[11px] font-medium tracking-wide whitespace-nowrap text-zinc-600 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2 align-middle text-zinc-800", className)} {...props} />;
}
