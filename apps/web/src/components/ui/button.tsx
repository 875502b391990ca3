import { Slot } from "@radix-ui/react-slot";
import type { ButtonHTMLAttributes } from "react";
import { cn } from "../../lib/cn";

const VARIANTS = {
  primary: "bg-zinc-900 text-white shadow-sm hover:bg-zinc-800 disabled:bg-zinc-400",
  secondary: "border border-zinc-400 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:text-zinc-500",
  ghost: "text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400",
  destructive: "bg-red-600 text-white shadow-sm hover:bg-red-700 disabled:bg-red-300",
  link: "text-blue-600 underline-offset-2 hover:underline disabled:text-zinc-400",
} as const;

const SIZES = {
  sm: "h-7 gap-1.5 px-2.5 text-xs",
  md: "h-8 gap-2 px-3 text-[13px]",
  icon: "h-7 w-7 justify-center",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
  asChild?: boolean;
}

export function Button({ variant = "secondary", size = "md", asChild, className, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : (type ?? "button")}
      className={cn(
        "inline-flex shrink-0 items-center rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
