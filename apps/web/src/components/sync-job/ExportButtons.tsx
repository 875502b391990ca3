import type { SyncJobExportFormat } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { errorMessage } from "../../services/api-error";
import { download, exportLinks } from "../../services/export-links";
import { Button } from "../ui/button";

/**
 * Download the sync job report (summary, steps, errors, postings added and updated) as CSV or JSON, and, once the
 * sync job is finished with a page archive, the archive itself (every page it fetched, as WARC).
 */
export function ExportButtons({ jobId, archive }: { jobId: string; archive: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const exporting = useMutation({
    mutationFn: (format: SyncJobExportFormat | "warc") =>
      format === "warc" ? exportLinks.archive(api, jobId) : exportLinks.syncJobReport(api, jobId, format),
    onSuccess: download,
  });
  return (
    <div className="flex flex-wrap items-center gap-1">
      {(["csv", "json"] as const).map((format) => (
        <Button
          key={format}
          variant="ghost"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate(format)}
          aria-label={t("syncJobs.export.button", { format: format.toUpperCase() })}
        >
          <Download className="size-3.5" aria-hidden />
          {format.toUpperCase()}
        </Button>
      ))}
      {archive ? (
        <Button
          variant="ghost"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate("warc")}
          aria-label={t("syncJobs.archive.download")}
          title={t("syncJobs.archive.download")}
        >
          <Download className="size-3.5" aria-hidden />
          WARC
        </Button>
      ) : null}
      {exporting.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {t("syncJobs.export.failed", { message: errorMessage(exporting.error) })}
        </span>
      ) : null}
    </div>
  );
}
