import * as ProgressPrimitive from "@radix-ui/react-progress";
import type { ComponentProps } from "react";
import { cn } from "../../lib/cn";

const TONES = {
  blue: "bg-blue-600",
  green: "bg-emerald-600",
  red: "bg-red-600",
  amber: "bg-amber-500",
  neutral: "bg-zinc-400",
} as const;

export type ProgressTone = keyof typeof TONES;

export interface ProgressProps extends Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value"> {
  /** 0-100. */
  value: number;
  tone?: ProgressTone;
}

/** The guide's `Progress`: a Radix progress bar. */
export function Progress({ value, tone = "blue", className, ...props }: ProgressProps) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <ProgressPrimitive.Root
      value={clamped}
      max={100}
      className={cn("relative h-1.5 w-full overflow-hidden rounded-full bg-zinc-200", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        className={cn("h-full w-full rounded-full transition-transform duration-300", TONES[tone])}
        style={{ transform: `translateX(-${100 - clamped}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}
