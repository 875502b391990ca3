import type { ExpiryResult } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { CalendarX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { formatCount } from "../../lib/format";
import { postingKeys } from "../../queries/postings";
import { errorMessage } from "../../services/api-error";
import { postingsApi } from "../../services/postings-api";
import { Button } from "../ui/button";

function summary(t: TFunction, result: ExpiryResult): string {
  const text = t("postings.expire.summary", {
    deadline: formatCount(result.closed_by_deadline),
    gone: formatCount(result.closed_by_recheck),
    rechecked: formatCount(result.rechecked),
  });
  const parts = [text];
  if (result.failed > 0) parts.push(t("postings.expire.unreadable", { count: result.failed }));
  const absence = result.absence;
  if (absence.closed > 0 || absence.held_back > 0) {
    parts.push(
      t("postings.expire.absence", {
        closed: formatCount(absence.closed),
        held: formatCount(absence.held_back),
        reasons: absence.reasons.join("; "),
      }),
    );
  }
  return parts.join(" ");
}

/** Runs the expiry sweep now (the worker runs it hourly): closed postings leave the search. */
export function ExpirePostingsButton() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const sweep = useMutation({
    mutationFn: () => postingsApi.expire(api, { recheck_limit: 200, stale_hours: 0 }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postingKeys.all }),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {sweep.data ? (
        <span role="status" className="max-w-80 text-xs text-zinc-700">
          {summary(t, sweep.data)}
        </span>
      ) : sweep.error ? (
        <span role="alert" className="max-w-80 text-xs text-red-700">
          {errorMessage(sweep.error)}
        </span>
      ) : null}
      <Button variant="secondary" disabled={sweep.isPending} onClick={() => sweep.mutate()}>
        <CalendarX className="size-3.5" aria-hidden />
        {sweep.isPending ? t("postings.expire.checking") : t("postings.expire.button")}
      </Button>
    </div>
  );
}
