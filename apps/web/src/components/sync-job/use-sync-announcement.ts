import { type CrawlJobProgress, isFinalSyncJobStatus } from "@jobsync/contracts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../lib/format";
import { headline } from "./SyncJobProgressView";
import { syncJobDisplay } from "./status-display";

/** A screen reader hears at most one progress sentence per this many ms; the final outcome at once. */
export const ANNOUNCE_EVERY_MS = 8_000;

/**
 * What the modal's polite status region says: a step change ("Step 5 of 9: Crawl Jobs"), throttled so a busy
 * sync does not talk over the user, and the final outcome ("Completed, 40 job postings added") as soon as it comes.
 */
export function useSyncAnnouncement(progress: CrawlJobProgress | undefined): string {
  const { t } = useTranslation();
  const [said, setSaid] = useState("");
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  let message: string | null = null;
  if (progress) {
    message = isFinalSyncJobStatus(progress.status)
      ? t("syncJobs.announce.final", {
          site: progress.site_name,
          outcome: t(syncJobDisplay(progress).label),
          added: formatCount(progress.stats.jobs_added),
          count: progress.stats.jobs_added,
        })
      : t("syncJobs.announce.progress", { site: progress.site_name, headline: headline(t, progress) });
  }
  const final = progress ? isFinalSyncJobStatus(progress.status) : false;

  useEffect(() => {
    if (message === null || message === said) return;
    if (timer.current) clearTimeout(timer.current);
    const wait = final ? 0 : Math.max(0, lastAt.current + ANNOUNCE_EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      lastAt.current = Date.now();
      setSaid(message);
    }, wait);
  }, [message, said, final]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return said;
}
