import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "../../lib/cn";

const FIELD =
  "w-full min-w-0 rounded-md border border-zinc-500 bg-white px-2.5 text-[13px] text-zinc-900 shadow-xs placeholder:text-zinc-500 focus:border-blue-600 focus:ring-2 focus:ring-blue-600 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500 aria-invalid:border-red-600 aria-invalid:focus:ring-red-600";

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(FIELD, "h-8", className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(FIELD, "min-h-16 py-1.5 leading-5", className)} {...props} />;
}

/** A native select: keyboard- and screen-reader-friendly with no extra code. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, "h-8 pr-7", className)} {...props} />;
}
