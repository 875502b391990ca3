import type { DataSource } from "@jobsync/contracts";
import { AlertTriangle, Ban } from "lucide-react";
import { Badge } from "../ui/badge";

/** Auto-disable state: nothing while healthy; "Degraded" or "Auto-disabled" with the failure count in the title. */
export function SourceHealthBadge({ source }: { source: Pick<DataSource, "health" | "consecutive_failures"> }) {
  if (source.health === "ok") return null;
  const failures = `${source.consecutive_failures} failed sync jobs in a row`;
  if (source.health === "degraded") {
    return (
      <Badge tone="amber" title={failures} aria-label={`Degraded: ${failures}`}>
        <AlertTriangle className="size-3" aria-hidden />
        Degraded
      </Badge>
    );
  }
  return (
    <Badge tone="red" title={`${failures}; switch it on again to retry`} aria-label={`Auto-disabled: ${failures}`}>
      <Ban className="size-3" aria-hidden />
      Auto-disabled
    </Badge>
  );
}
