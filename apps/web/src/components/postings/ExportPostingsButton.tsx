import { useMutation } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { errorMessage } from "../../services/api-error";
import { download, exportLinks } from "../../services/export-links";
import type { JobSearchParams } from "../../services/postings-api";
import { Button } from "../ui/button";

/**
 * Downloads the postings of the current search as CSV. The link carries the signed-in user's short-lived stream
 * token, so the export works also where it is not public (PUBLIC_EXPORT=0).
 */
export function ExportPostingsButton({ search }: { search: JobSearchParams }) {
  const { t } = useTranslation();
  const api = useApi();
  const exporting = useMutation({
    mutationFn: () => exportLinks.postingsCsv(api, search),
    onSuccess: download,
  });
  return (
    <>
      <Button variant="secondary" disabled={exporting.isPending} onClick={() => exporting.mutate()}>
        <Download className="size-3.5" aria-hidden />
        {t("postings.exportCsv")}
      </Button>
      {exporting.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {t("postings.exportFailed", { message: errorMessage(exporting.error) })}
        </span>
      ) : null}
    </>
  );
}
