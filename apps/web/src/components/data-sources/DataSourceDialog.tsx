import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { dataSourceKeys } from "../../queries/data-sources";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "../ui/dialog";
import { type CreateValues, DataSourceForm, type EditValues } from "./DataSourceForm";

export interface DataSourceDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Edit this data source; create a new one when absent. */
  source?: DataSource;
}

export function DataSourceDialog({ open, onOpenChange, source }: DataSourceDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: CreateValues | EditValues) =>
      values.mode === "create"
        ? api.createDataSource(values.body)
        : api.updateDataSource(source?.site_name ?? "", values.body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      onOpenChange(false);
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) save.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent width="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{source ? `Edit ${source.site_name}` : "New data source"}</DialogTitle>
          <DialogDescription>
            {source
              ? "Changes apply to the next sync job. Config keys you leave out keep their stored values."
              : "A job board to crawl. Its configuration is checked against the kind's schema."}
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <DataSourceForm
            key={source?.id ?? "new"}
            source={source}
            pending={save.isPending}
            submitError={save.error}
            onSubmit={(values) => save.mutate(values)}
            onCancel={() => onOpenChange(false)}
          />
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}
