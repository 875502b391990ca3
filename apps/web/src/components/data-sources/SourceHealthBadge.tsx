import type { DataSource, SourceHealthStatus } from "@jobsync/contracts";
import { Activity, AlertTriangle, CircleDashed, XCircle } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { TranslationKey } from "../../i18n/keys";
import { Badge, type BadgeTone } from "../ui/badge";

const LOOK: Record<SourceHealthStatus, { tone: BadgeTone; label: TranslationKey; Icon: typeof Activity }> = {
  healthy: { tone: "green", label: "sourceHealth.status.healthy", Icon: Activity },
  drifting: { tone: "amber", label: "sourceHealth.status.drifting", Icon: AlertTriangle },
  failing: { tone: "red", label: "sourceHealth.status.failing", Icon: XCircle },
  never_synced: { tone: "neutral", label: "sourceHealth.status.never_synced", Icon: CircleDashed },
};

/** Source health at a glance; the reason shows on hover and on keyboard focus (and is read out with the badge). */
export function SourceHealthBadge({ health }: { health: DataSource["health"] }) {
  const { t } = useTranslation();
  const id = useId();
  const look = LOOK[health.status];
  return (
    // a button, so keyboard users reach it and hear the reason (its description), as a pointer shows it on hover
    <button
      type="button"
      className="group relative inline-flex rounded outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      aria-describedby={id}
      data-health={health.status}
    >
      <Badge tone={look.tone}>
        <look.Icon className="size-3" aria-hidden />
        {t(look.label)}
      </Badge>
      <span
        id={id}
        role="tooltip"
        className="invisible absolute top-full left-0 z-20 mt-1 w-72 rounded bg-zinc-900 px-2 py-1.5 text-left text-xs font-normal whitespace-normal text-white shadow-lg group-hover:visible group-focus:visible"
      >
        {health.reason}
      </span>
    </button>
  );
}
