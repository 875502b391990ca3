import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { dataSourceKeys } from "../../queries/data-sources";
import { errorMessage } from "../../services/api-error";
import { dataSourcesApi } from "../../services/data-sources-api";
import { ConfirmDialog } from "../ui/confirm-dialog";

export function DeleteDataSourceDialog({ source, onClose }: { source: DataSource | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (siteName: string) => dataSourcesApi.remove(api, siteName),
    onSuccess: async (_done, siteName) => {
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      toast.success(t("dataSources.toast.deleted", { name: siteName }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open={source !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={t("dataSources.delete.title", { name: source?.site_name ?? "" })}
      description={
        <p>
          <Trans
            i18nKey="dataSources.delete.description"
            values={{ name: source?.site_name }}
            components={{ b: <strong /> }}
          />
        </p>
      }
      confirmLabel={t("common.delete")}
      destructive
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => source && remove.mutate(source.site_name)}
    />
  );
}
