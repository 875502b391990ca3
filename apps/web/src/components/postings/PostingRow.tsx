import type { JobPostingSummary } from "@jobsync/contracts";
import { Link } from "@tanstack/react-router";
import { Building2, Clock, ExternalLink, MapPin } from "lucide-react";
import { useTranslation } from "react-i18next";
import { formatSalary } from "../../lib/salary-format";
import { Badge } from "../ui/badge";
import { Time } from "../ui/time";

/**
 * One search result. Crawled text is rendered as text: React escapes it, nothing in it runs. It is Vietnamese
 * whatever the UI language, so it carries lang="vi" for screen readers and hyphenation.
 */
export function PostingRow({ posting }: { posting: JobPostingSummary }) {
  const { t } = useTranslation();
  const negotiable = posting.salary.min === null && posting.salary.max === null;
  return (
    <li
      className="flex flex-col gap-2 px-4 py-3 hover:bg-zinc-50/70 sm:flex-row sm:items-start sm:gap-4"
      data-posting-id={posting.id}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to="/job-postings/$id"
            params={{ id: String(posting.id) }}
            lang="vi"
            className="min-w-0 text-[14px] font-medium break-words text-zinc-900 hover:text-blue-700 hover:underline"
          >
            {posting.title}
          </Link>
          {posting.status === "closed" ? <Badge tone="neutral">{t("postings.closed")}</Badge> : null}
          {posting.duplicate_of !== null ? <Badge tone="amber">{t("postings.duplicate")}</Badge> : null}
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-700">
          {posting.company ? (
            <span className="inline-flex min-w-0 items-center gap-1" lang="vi">
              <Building2 className="size-3 shrink-0 text-zinc-500" aria-hidden />
              <span className="max-w-80 truncate">{posting.company}</span>
            </span>
          ) : null}
          <span className="inline-flex items-center gap-1" lang="vi">
            <MapPin className="size-3 text-zinc-500" aria-hidden />
            {posting.provinces.length > 0 ? posting.provinces.join(", ") : posting.locations.join(", ") || "—"}
          </span>
          {posting.experience ? <span lang="vi">{posting.experience}</span> : null}
          <span className="inline-flex items-center gap-1 text-zinc-600">
            <Clock className="size-3 text-zinc-500" aria-hidden />
            {t("postings.seen")} <Time value={posting.last_seen_at} />
          </span>
        </div>
        {posting.tags.length > 0 ? (
          <div className="mt-1.5 flex flex-wrap gap-1" lang="vi">
            {posting.tags.slice(0, 6).map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </div>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-row flex-wrap items-center gap-x-3 gap-y-1.5 sm:flex-col sm:items-end">
        <span
          className={negotiable ? "text-[13px] text-zinc-600" : "text-[13px] font-semibold text-emerald-700"}
          data-testid="salary"
          lang="vi"
        >
          {formatSalary(posting.salary)}
        </span>
        <span className="flex items-center gap-2 text-xs text-zinc-600">
          <Badge>{posting.site_name}</Badge>
          <a
            href={posting.url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 hover:text-blue-700"
            aria-label={`${t("postings.original")}: ${posting.title} ${t("common.opensInNewTab")}`}
          >
            {t("postings.original")}
            <ExternalLink className="size-3" aria-hidden />
          </a>
        </span>
      </div>
    </li>
  );
}
