import { QUALITY_FIELDS, type SyncJobQuality } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent } from "../../lib/format";

/** The modal's "Data quality" section: each field's fill rate, cards per listing page, pages and details that failed. */
export function DataQuality({ quality }: { quality: SyncJobQuality | null }) {
  const { t } = useTranslation();
  if (quality === null) return null;
  return (
    <section aria-labelledby="data-quality-title" className="flex flex-col gap-2" data-testid="data-quality">
      <h3 id="data-quality-title" className="text-[13px] font-semibold text-zinc-900">
        {t("sourceHealth.quality.title")}
      </h3>
      {quality.postings === 0 ? (
        <p className="text-xs text-zinc-600">{t("sourceHealth.quality.none")}</p>
      ) : (
        <>
          <p className="text-xs text-zinc-600">
            {t("sourceHealth.quality.postings", { count: quality.postings, formatted: formatCount(quality.postings) })}
          </p>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
            {QUALITY_FIELDS.map((field) => {
              const rate = quality.fields[field];
              return (
                <div key={field} className="flex justify-between gap-2" data-field={field}>
                  <dt className="text-zinc-600">{t(`sourceHealth.fields.${field}`)}</dt>
                  <dd className="font-medium tabular-nums text-zinc-900">
                    {rate === null ? "—" : formatPercent(rate * 100)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <div className="flex gap-1">
          <dt className="text-zinc-600">{t("sourceHealth.quality.cardsPerPage")}</dt>
          <dd className="font-medium tabular-nums" data-testid="cards-per-page">
            {quality.cards_per_page === null ? "—" : formatCount(quality.cards_per_page)}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-zinc-600">{t("sourceHealth.quality.emptyPages")}</dt>
          <dd className="font-medium tabular-nums">{formatCount(quality.empty_pages)}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-zinc-600">{t("sourceHealth.quality.detailsFailed")}</dt>
          <dd className="font-medium tabular-nums">{formatCount(quality.details_failed)}</dd>
        </div>
      </dl>
    </section>
  );
}
