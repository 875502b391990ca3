import type { JobPostingDetail } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { PageBody } from "../../components/layout/PageHeader";
import { Badge } from "../../components/ui/badge";
import { ErrorState, LoadingState } from "../../components/ui/states";
import { Time } from "../../components/ui/time";
import { usePageTitle } from "../../hooks/use-document-title";
import type { TranslationKey } from "../../i18n/keys";
import { formatDate } from "../../lib/format";
import { safeHtml } from "../../lib/safe-html";
import { formatSalary } from "../../lib/salary-format";
import { postingQuery } from "../../queries/postings";
import { errorMessage } from "../../services/api-error";

const SECTIONS: Array<{ key: keyof JobPostingDetail; title: TranslationKey }> = [
  { key: "description_html", title: "posting.sections.description" },
  { key: "requirements_html", title: "posting.sections.requirements" },
  { key: "benefits_html", title: "posting.sections.benefits" },
  { key: "working_time_html", title: "posting.sections.workingTime" },
];

/** Server-sanitised HTML, cleaned once more in an inert document, then shown (never executed). */
function HtmlSection({ title, html }: { title: string; html: string }) {
  const clean = useMemo(() => safeHtml(html), [html]);
  return (
    <section aria-label={title} className="border-t border-zinc-200 pt-4">
      <h2 className="mb-2 text-[13px] font-semibold text-zinc-900">{title}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server and again by safeHtml */}
      <div className="prose-posting" lang="vi" dangerouslySetInnerHTML={{ __html: clean }} />
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-zinc-600 uppercase">{label}</dt>
      <dd className="mt-0.5 text-[13px] break-words text-zinc-900" lang="vi">
        {children}
      </dd>
    </div>
  );
}

/** One job posting, at `/job-postings/<id>`: what the board says about it, in Vietnamese as crawled. */
export function JobPostingPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const posting = useQuery(postingQuery(api, id));
  const p = posting.data;
  usePageTitle(p?.title ?? t("posting.title"));

  return (
    <PageBody>
      <Link
        to="/job-postings"
        className="inline-flex items-center gap-1 self-start text-[13px] text-zinc-700 hover:text-zinc-900"
      >
        <ArrowLeft className="size-3.5" aria-hidden />
        {t("posting.back")}
      </Link>
      {posting.isPending ? (
        <LoadingState label={t("posting.loading")} />
      ) : posting.isError || !p ? (
        <ErrorState title={t("posting.loadFailed")} message={errorMessage(posting.error)} />
      ) : (
        <article className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:p-6">
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0 flex-[1_1_16rem]">
              <h1
                tabIndex={-1}
                lang="vi"
                className="text-lg font-semibold tracking-tight break-words text-zinc-900 focus:outline-none"
              >
                {p.title}
              </h1>
              <p className="mt-0.5 text-[13px] text-zinc-700" lang="vi">
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
                {p.status === "closed" ? (
                  <Badge>{t("postings.closed")}</Badge>
                ) : (
                  <Badge tone="green">{t("posting.open")}</Badge>
                )}
                {p.tags.map((tag) => (
                  <Badge key={tag} lang="vi">
                    {tag}
                  </Badge>
                ))}
              </div>
            </div>
            <a
              href={p.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-zinc-400 px-3 py-1.5 text-[13px] font-medium hover:bg-zinc-50"
            >
              {t("posting.original")}
              <span className="sr-only"> {t("common.opensInNewTab")}</span>
              <ExternalLink className="size-3.5" aria-hidden />
            </a>
          </header>
          <dl className="grid grid-cols-1 gap-4 rounded-md bg-zinc-50 px-4 py-3 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label={t("posting.salary")}>{formatSalary(p.salary)}</Fact>
            <Fact label={t("posting.provinces")}>{p.provinces.join(", ") || null}</Fact>
            <Fact label={t("posting.locations")}>{p.locations.join("; ") || null}</Fact>
            <Fact label={t("posting.experience")}>{p.experience}</Fact>
            <Fact label={t("posting.level")}>{p.level}</Fact>
            <Fact label={t("posting.deadline")}>{formatDate(p.deadline)}</Fact>
            <Fact label={t("posting.companySize")}>{p.company_size}</Fact>
            <Fact label={t("posting.firstSeen")}>
              <Time value={p.first_seen_at} mode="datetime" />
            </Fact>
          </dl>
          {SECTIONS.map(({ key, title }) => {
            const html = p[key];
            return typeof html === "string" && html.trim() ? (
              <HtmlSection key={key} title={t(title)} html={html} />
            ) : null;
          })}
          {p.company_address ? (
            <p className="border-t border-zinc-200 pt-4 text-xs text-zinc-600">
              {t("posting.companyAddress")} <span lang="vi">{p.company_address}</span>
            </p>
          ) : null}
        </article>
      )}
    </PageBody>
  );
}
