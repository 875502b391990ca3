/** One line of the benchmark table: a figure, the baseline it is compared with in the same run, and the goal. */
export interface BenchRow {
  id: string;
  what: string;
  value: number;
  unit: string;
  /** The baseline's name and value (same unit), or null for a figure with an absolute goal. */
  baseline: { name: string; value: number } | null;
  /** value / baseline.value (or a figure-specific ratio such as slowdown), null when not compared. */
  ratio: number | null;
  /** e.g. "≥ 0.70× bare loop", "< 20 ms"; "" for a figure reported without a goal. */
  goal: string;
  /** true met, false missed, null not judged. */
  met: boolean | null;
  note?: string;
}

export type RowInput = Omit<BenchRow, "ratio" | "met"> & { ratio?: number | null; met?: boolean | null };

export function row(input: RowInput): BenchRow {
  const ratio = input.ratio !== undefined ? input.ratio : input.baseline ? input.value / input.baseline.value : null;
  return { ...input, ratio, met: input.met ?? null };
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const verdict = (met: boolean | null) => (met === null ? "" : met ? "met" : "MISSED");

/** A Markdown table (also readable in a terminal). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ["id", "figure", "value", "baseline (same run)", "ratio", "goal", "verdict"];
  const lines = rows.map((r) => [
    r.id,
    r.what + (r.note ? ` (${r.note})` : ""),
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : "",
    r.ratio === null ? "" : `${r.ratio.toFixed(2)}×`,
    r.goal,
    verdict(r.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [render(header), render(widths.map((w) => "-".repeat(w))), ...lines.map(render)].join("\n");
}
