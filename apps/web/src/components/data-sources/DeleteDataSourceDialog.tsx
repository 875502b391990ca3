import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { dataSourceKeys } from "../../queries/data-sources";
import { errorMessage } from "../../services/api-error";
import { ConfirmDialog } from "../ui/confirm-dialog";

export function DeleteDataSourceDialog({ source, onClose }: { source: DataSource | null; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (siteName: string) => api.deleteDataSource(siteName),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
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
      title={`Delete ${source?.site_name ?? "data source"}?`}
      description={
        <p>
          <strong>{source?.site_name}</strong> and its configuration are removed. This cannot be undone.
        </p>
      }
      confirmLabel="Delete"
      destructive
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => source && remove.mutate(source.site_name)}
    />
  );
}
