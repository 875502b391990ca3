import type { DataSource } from "@jobsync/contracts";
import { AlertTriangle, Ban } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "../ui/badge";

/** Auto-disable state: nothing while healthy; "Degraded" or "Auto-disabled" with the failure count beside it. */
export function AutoDisableBadge({ source }: { source: Pick<DataSource, "auto_disable" | "consecutive_failures"> }) {
  const { t } = useTranslation();
  if (source.auto_disable === "ok") return null;
  const failures = t("dataSources.health.failures", { count: source.consecutive_failures });
  if (source.auto_disable === "degraded") {
    return (
      <Badge tone="amber" title={failures}>
        <AlertTriangle className="size-3" aria-hidden />
        {t("dataSources.health.degraded")}
        <span className="sr-only">: {failures}</span>
      </Badge>
    );
  }
  return (
    <Badge tone="red" title={t("dataSources.health.disabledHint", { failures })}>
      <Ban className="size-3" aria-hidden />
      {t("dataSources.health.disabled")}
      <span className="sr-only">: {failures}</span>
    </Badge>
  );
}
