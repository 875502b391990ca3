import type { JobPostingDetail } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { useMemo } from "react";
import { useApi } from "../../app/api-context";
import { PageBody } from "../../components/layout/PageHeader";
import { Badge } from "../../components/ui/badge";
import { ErrorState, LoadingState } from "../../components/ui/states";
import { formatDateTime } from "../../lib/format";
import { safeHtml } from "../../lib/safe-html";
import { formatSalary } from "../../lib/salary-format";
import { postingQuery } from "../../queries/postings";
import { errorMessage } from "../../services/api-error";

const SECTIONS: Array<{ key: keyof JobPostingDetail; title: string }> = [
  { key: "description_html", title: "Job description" },
  { key: "requirements_html", title: "Requirements" },
  { key: "benefits_html", title: "Benefits" },
  { key: "working_time_html", title: "Working time" },
];

/** Server-sanitised HTML, cleaned once more in an inert document, then shown (never executed). */
function HtmlSection({ title, html }: { title: string; html: string }) {
  const clean = useMemo(() => safeHtml(html), [html]);
  return (
    <section aria-label={title} className="border-t border-zinc-200 pt-4">
      <h2 className="mb-2 text-[13px] font-semibold text-zinc-900">{title}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server and again by safeHtml */}
      <div className="prose-posting" dangerouslySetInnerHTML={{ __html: clean }} />
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-[13px] text-zinc-900">{value}</dd>
    </div>
  );
}

export function JobPostingPage({ id }: { id: number }) {
  const api = useApi();
  const posting = useQuery(postingQuery(api, id));
  const p = posting.data;

  return (
    <PageBody>
      <a href="#/postings" className="inline-flex items-center gap-1 text-[13px] text-zinc-600 hover:text-zinc-900">
        <ArrowLeft className="size-3.5" aria-hidden />
        Job postings
      </a>
      {posting.isPending ? (
        <LoadingState label="Loading job posting…" />
      ) : posting.isError || !p ? (
        <ErrorState title="Could not load the job posting" message={errorMessage(posting.error)} />
      ) : (
        <article className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-6">
          <header className="flex items-start justify-between gap-6">
            <div className="min-w-0">
              <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{p.title}</h1>
              <p className="mt-0.5 text-[13px] text-zinc-600">
                {p.company_url ? (
                  <a href={p.company_url} target="_blank" rel="noopener noreferrer" className="hover:underline">
                    {p.company}
                  </a>
                ) : (
                  p.company
                )}
              </p>
              <div className="mt-2 flex flex-wrap gap-1">
                <Badge>{p.site_name}</Badge>
                {p.status === "closed" ? <Badge>Closed</Badge> : <Badge tone="green">Open</Badge>}
                {p.tags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
              </div>
            </div>
            <a
              href={p.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-zinc-300 px-3 py-1.5 text-[13px] font-medium hover:bg-zinc-50"
            >
              Original posting
              <ExternalLink className="size-3.5" aria-hidden />
            </a>
          </header>
          <dl className="grid grid-cols-4 gap-4 rounded-md bg-zinc-50 px-4 py-3">
            <Fact label="Salary" value={formatSalary(p.salary)} />
            <Fact label="Provinces" value={p.provinces.join(", ") || null} />
            <Fact label="Locations" value={p.locations.join("; ") || null} />
            <Fact label="Experience" value={p.experience} />
            <Fact label="Level" value={p.level} />
            <Fact label="Deadline" value={p.deadline} />
            <Fact label="Company size" value={p.company_size} />
            <Fact label="First seen" value={formatDateTime(p.first_seen_at)} />
          </dl>
          {SECTIONS.map(({ key, title }) => {
            const html = p[key];
            return typeof html === "string" && html.trim() ? <HtmlSection key={key} title={title} html={html} /> : null;
          })}
          {p.company_address ? (
            <p className="border-t border-zinc-200 pt-4 text-xs text-zinc-500">Company address: {p.company_address}</p>
          ) : null}
        </article>
      )}
    </PageBody>
  );
}
