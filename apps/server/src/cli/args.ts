import { parseArgs } from "node:util";
import { CliError } from "./cli-context";

export type OptionSpec = Record<string, { type: "string" | "boolean" }>;

/** Strict flags: an unknown flag or a missing value is a CliError naming it. */
export function parseFlags<T extends OptionSpec>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values as {
      [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string;
    };
  } catch (error) {
    throw new CliError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new CliError(`${flag} is required`);
  return value;
}
