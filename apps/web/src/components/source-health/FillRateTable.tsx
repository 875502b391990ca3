import { QUALITY_FIELDS, type SourceBaseline, type SyncJobQuality } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import { formatPercent } from "../../lib/format";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";

const rate = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : formatPercent(value * 100);

/** Each field's fill rate in the latest sync job against the source's baseline; a field below it by more than the tolerance is marked. */
export function FillRateTable({
  latest,
  baseline,
  tolerance,
}: {
  latest: SyncJobQuality | null;
  baseline: SourceBaseline | null;
  tolerance: number;
}) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("sourceHealth.page.fillTitle")}>
      <TableHead>
        <tr>
          <Th>{t("sourceHealth.page.field")}</Th>
          <Th className="text-right">{t("sourceHealth.page.latest")}</Th>
          <Th className="text-right">{t("sourceHealth.page.baseline")}</Th>
          <Th className="w-1/3">
            <span className="sr-only">{t("sourceHealth.page.latest")}</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {QUALITY_FIELDS.map((field) => {
          const actual = latest?.fields[field] ?? null;
          const usual = baseline?.fields[field] ?? null;
          const drifted = actual !== null && usual !== null && actual < usual - tolerance;
          return (
            <TableRow key={field} data-field={field} data-drifted={drifted || undefined}>
              <Td className="font-medium text-zinc-900">{t(`sourceHealth.fields.${field}`)}</Td>
              <Td className={drifted ? "text-right font-semibold text-red-700" : "text-right"}>{rate(actual)}</Td>
              <Td className="text-right text-zinc-600">{rate(usual)}</Td>
              <Td>
                <div className="relative h-2 rounded bg-zinc-100" aria-hidden>
                  <div
                    className={drifted ? "h-2 rounded bg-red-500" : "h-2 rounded bg-emerald-500"}
                    style={{ width: `${Math.round((actual ?? 0) * 100)}%` }}
                  />
                  {usual !== null ? (
                    <div
                      className="absolute -top-1 h-4 w-0.5 bg-zinc-700"
                      style={{ left: `${Math.round(usual * 100)}%` }}
                    />
                  ) : null}
                </div>
              </Td>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
