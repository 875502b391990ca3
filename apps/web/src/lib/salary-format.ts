import type { Salary, SalaryPeriod } from "@jobsync/contracts";

/** How a period reads in Vietnamese, as the boards write it. */
export const PERIOD_LABELS: Record<SalaryPeriod, string> = {
  month: "tháng",
  year: "năm",
  week: "tuần",
  day: "ngày",
  shift: "ca",
  hour: "giờ",
  piece: "sản phẩm",
};

const MILLION = 1_000_000;
const DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "10 – 15 triệu VND/tháng", "Tới 20 triệu VND/tháng", "1,000 – 2,000 USD/tháng", "Thoả thuận". */
export function formatSalary(salary: Salary): string {
  const { min, max, currency } = salary;
  if (min === null && max === null) {
    if (salary.negotiable) return "Thoả thuận";
    return salary.raw?.trim() || "—";
  }
  const period = salary.period ? `/${PERIOD_LABELS[salary.period]}` : "";
  const values = [min, max].filter((v): v is number => v !== null);
  const inMillions = currency === "VND" && values.every((v) => v >= MILLION);
  const amount = (value: number) => (inMillions ? DECIMAL.format(value / MILLION) : WHOLE.format(value));
  const unit = `${inMillions ? " triệu" : ""}${currency ? ` ${currency}` : ""}${period}`;
  if (min !== null && max !== null) {
    return min === max ? `${amount(min)}${unit}` : `${amount(min)} – ${amount(max)}${unit}`;
  }
  if (max !== null) return `Tới ${amount(max)}${unit}`;
  return `Từ ${amount(min as number)}${unit}`;
}
