import { type ExpiryResult, expiryResultSchema } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarX } from "lucide-react";
import { useApi } from "../../app/api-context";
import { postingKeys } from "../../queries/postings";
import { errorMessage } from "../../services/api-error";
import { Button } from "../ui/button";

function summary(result: ExpiryResult): string {
  return (
    `Closed ${result.closed_by_deadline} past their deadline and ${result.closed_by_recheck} gone from their board ` +
    `(${result.rechecked} pages re-checked${result.failed > 0 ? `, ${result.failed} unreadable` : ""}).`
  );
}

/** Runs the expiry sweep now (the worker runs it hourly): closed postings leave the search. */
export function ExpirePostingsButton() {
  const api = useApi();
  const queryClient = useQueryClient();
  const sweep = useMutation({
    mutationFn: () =>
      api.request("POST", "/admin/postings/expire", {
        body: { recheck_limit: 200, stale_hours: 0 },
        schema: expiryResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postingKeys.all }),
  });
  return (
    <div className="flex items-center gap-2">
      {sweep.data ? (
        <span role="status" className="max-w-80 text-xs text-zinc-600">
          {summary(sweep.data)}
        </span>
      ) : sweep.error ? (
        <span role="alert" className="max-w-80 text-xs text-red-600">
          {errorMessage(sweep.error)}
        </span>
      ) : null}
      <Button variant="secondary" disabled={sweep.isPending} onClick={() => sweep.mutate()}>
        <CalendarX className="size-3.5" aria-hidden />
        {sweep.isPending ? "Checking…" : "Close expired"}
      </Button>
    </div>
  );
}
