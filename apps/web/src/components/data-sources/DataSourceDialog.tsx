import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { dataSourceKeys } from "../../queries/data-sources";
import { dataSourcesApi } from "../../services/data-sources-api";
import { FormDialog } from "../ui/form-dialog";
import { type CreateValues, DataSourceForm, type EditValues } from "./DataSourceForm";

export interface DataSourceDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Edit this data source; create a new one when absent. */
  source?: DataSource;
}

export function DataSourceDialog({ open, onOpenChange, source }: DataSourceDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: CreateValues | EditValues) =>
      values.mode === "create"
        ? dataSourcesApi.create(api, values.body)
        : dataSourcesApi.update(api, source?.site_name ?? "", values.body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      toast.success(
        source
          ? t("dataSources.toast.saved", { name: saved.site_name })
          : t("dataSources.toast.created", { name: saved.site_name }),
      );
      onOpenChange(false);
    },
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) save.reset();
        onOpenChange(next);
      }}
      title={source ? t("dataSources.form.editTitle", { name: source.site_name }) : t("dataSources.form.newTitle")}
      description={source ? t("dataSources.form.editDescription") : t("dataSources.form.newDescription")}
    >
      <DataSourceForm
        key={source?.id ?? "new"}
        source={source}
        pending={save.isPending}
        submitError={save.error}
        onSubmit={(values) => save.mutate(values)}
        onCancel={() => onOpenChange(false)}
      />
    </FormDialog>
  );
}
