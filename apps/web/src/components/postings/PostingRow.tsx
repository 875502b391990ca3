import type { JobPostingSummary } from "@jobsync/contracts";
import { Building2, Clock, ExternalLink, MapPin } from "lucide-react";
import { formatRelative } from "../../lib/format";
import { formatSalary } from "../../lib/salary-format";
import { Badge } from "../ui/badge";

/** One search result. Crawled text is rendered as text: React escapes it, nothing in it runs. */
export function PostingRow({ posting }: { posting: JobPostingSummary }) {
  const negotiable = posting.salary.min === null && posting.salary.max === null;
  return (
    <li className="flex items-start gap-4 px-4 py-3 hover:bg-zinc-50/70" data-posting-id={posting.id}>
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <a
            href={`#/postings/${posting.id}`}
            className="truncate text-[14px] font-medium text-zinc-900 hover:text-blue-600 hover:underline"
          >
            {posting.title}
          </a>
          {posting.status === "closed" ? <Badge tone="neutral">Closed</Badge> : null}
          {posting.duplicate_of !== null ? <Badge tone="amber">Duplicate</Badge> : null}
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600">
          {posting.company ? (
            <span className="inline-flex min-w-0 items-center gap-1">
              <Building2 className="size-3 text-zinc-400" aria-hidden />
              <span className="max-w-80 truncate">{posting.company}</span>
            </span>
          ) : null}
          <span className="inline-flex items-center gap-1">
            <MapPin className="size-3 text-zinc-400" aria-hidden />
            {posting.provinces.length > 0 ? posting.provinces.join(", ") : posting.locations.join(", ") || "—"}
          </span>
          {posting.experience ? <span>{posting.experience}</span> : null}
          <span className="inline-flex items-center gap-1 text-zinc-500">
            <Clock className="size-3 text-zinc-400" aria-hidden />
            seen {formatRelative(posting.last_seen_at)}
          </span>
        </div>
        {posting.tags.length > 0 ? (
          <div className="mt-1.5 flex flex-wrap gap-1">
            {posting.tags.slice(0, 6).map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </div>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1.5">
        <span
          className={negotiable ? "text-[13px] text-zinc-500" : "text-[13px] font-semibold text-emerald-700"}
          data-testid="salary"
        >
          {formatSalary(posting.salary)}
        </span>
        <span className="flex items-center gap-2 text-xs text-zinc-500">
          <Badge>{posting.site_name}</Badge>
          <a
            href={posting.url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 hover:text-blue-600"
            aria-label={`Original posting: ${posting.title}`}
          >
            Original
            <ExternalLink className="size-3" aria-hidden />
          </a>
        </span>
      </div>
    </li>
  );
}
