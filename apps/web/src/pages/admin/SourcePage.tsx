import { BASELINE_MIN } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { SourceHealthBadge } from "../../components/data-sources/SourceHealthBadge";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { FillRateTable } from "../../components/source-health/FillRateTable";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { formatPercent } from "../../lib/format";
import { sourceHealthQuery } from "../../queries/data-sources";
import { errorMessage } from "../../services/api-error";

/** The chart library is loaded with this page only: it would double the admin UI's first download (B7). */
const SyncJobsChart = lazy(() =>
  import("../../components/source-health/SyncJobsChart").then((m) => ({ default: m.SyncJobsChart })),
);

/** `/data-sources/<site_name>`: a source's health, its last 20 sync jobs charted, each field's fill rate against its baseline. */
export function SourcePage({ siteName }: { siteName: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const report = useQuery(sourceHealthQuery(api, siteName));
  const data = report.data;
  const latest = data ? [...data.sync_jobs].reverse().find((j) => j.status === "completed" && j.quality) : undefined;
  return (
    <>
      <PageHeader
        title={data?.site_name ?? siteName}
        description={t("sourceHealth.page.description")}
        actions={
          <Link to="/data-sources" className="inline-flex items-center gap-1 text-sm text-blue-700 hover:underline">
            <ArrowLeft className="size-3.5" aria-hidden />
            {t("sourceHealth.page.back")}
          </Link>
        }
      />
      <PageBody>
        {report.isPending ? (
          <LoadingState label={t("sourceHealth.page.loading")} />
        ) : report.isError ? (
          <ErrorState
            title={t("sourceHealth.page.loadFailed")}
            message={errorMessage(report.error)}
            onRetry={() => void report.refetch()}
          />
        ) : data ? (
          <>
            <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-700">
              <SourceHealthBadge health={data.health} />
              <span>{data.health.reason}</span>
            </div>
            <section aria-labelledby="chart-title" className="rounded-lg border border-zinc-200 bg-white p-4">
              <h2 id="chart-title" className="text-sm font-semibold text-zinc-900">
                {t("sourceHealth.page.chartTitle", { count: data.sync_jobs.length })}
              </h2>
              <p className="mb-3 text-xs text-zinc-600">{t("sourceHealth.page.chartDescription")}</p>
              {data.sync_jobs.length > 0 ? (
                <Suspense fallback={<LoadingState />}>
                  <SyncJobsChart jobs={data.sync_jobs} />
                </Suspense>
              ) : (
                <EmptyState title={t("sourceHealth.page.noJobs")} />
              )}
            </section>
            <section aria-labelledby="fill-title" className="rounded-lg border border-zinc-200 bg-white p-4">
              <h2 id="fill-title" className="text-sm font-semibold text-zinc-900">
                {t("sourceHealth.page.fillTitle")}
              </h2>
              <p className="mb-3 text-xs text-zinc-600">
                {t("sourceHealth.page.fillDescription")}{" "}
                {data.baseline
                  ? t("sourceHealth.page.tolerance", { value: formatPercent(data.drift_tolerance * 100) })
                  : t("sourceHealth.page.noBaseline", { count: BASELINE_MIN })}
              </p>
              <FillRateTable
                latest={latest?.quality ?? null}
                baseline={data.baseline}
                tolerance={data.drift_tolerance}
              />
            </section>
          </>
        ) : null}
      </PageBody>
    </>
  );
}
