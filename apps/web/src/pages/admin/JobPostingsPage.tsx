import { PROVINCES } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Download, Search } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { ExpirePostingsButton } from "../../components/postings/ExpirePostingsButton";
import { PostingRow } from "../../components/postings/PostingRow";
import { Button } from "../../components/ui/button";
import { Field } from "../../components/ui/field";
import { Input, Select } from "../../components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useHashRoute } from "../../hooks/use-hash-route";
import { formatCount } from "../../lib/format";
import { dataSourcesQuery } from "../../queries/data-sources";
import { postingSearchQuery } from "../../queries/postings";
import type { JobSearchParams } from "../../services/postings-api";
import { errorMessage } from "../../services/api-error";
import { exportLinks } from "../../services/export-links";

const PAGE_SIZE = 20;
const MILLION = 1_000_000;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Search the stored job postings (accent-insensitive on the server) with province, source and salary filters. */
export function JobPostingsPage() {
  const api = useApi();
  const { params, setParams } = useHashRoute();
  const q = params.get("q") ?? "";
  const location = params.get("location") ?? "";
  const source = params.get("source") ?? "";
  const salaryMillions = params.get("salary_min") ?? "";
  const page = positiveInt(params.get("page"), 1);
  const [draft, setDraft] = useState(q);
  const [salaryDraft, setSalaryDraft] = useState(salaryMillions);
  useEffect(() => setDraft(q), [q]);
  useEffect(() => setSalaryDraft(salaryMillions), [salaryMillions]);

  const salary = Number(salaryMillions);
  const search: JobSearchParams = {
    q: q || undefined,
    location: location || undefined,
    source: source || undefined,
    salary_min: salaryMillions && Number.isFinite(salary) && salary > 0 ? salary * MILLION : undefined,
    page,
    page_size: PAGE_SIZE,
  };
  const results = useQuery(postingSearchQuery(api, search));
  const sources = useQuery(dataSourcesQuery(api));

  const apply = (patch: Record<string, string | null>) => setParams({ ...patch, page: null }, { replace: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: draft.trim() || null, salary_min: salaryDraft.trim() || null });
  };

  const data = results.data;
  const first = data && data.total > 0 ? (data.page - 1) * data.page_size + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.page_size) : 0;
  const salaryInvalid = salaryDraft.trim() !== "" && !(Number(salaryDraft) >= 0);

  return (
    <>
      <PageHeader
        title="Job Postings"
        description="What the sync jobs found. Search ignores accents: “ke toan” finds “Kế toán”."
        actions={
          <>
            <ExpirePostingsButton />
            <Button variant="secondary" asChild>
              <a href={exportLinks.postingsCsv(api, search)} download aria-label="Export the results as CSV">
                <Download className="size-3.5" aria-hidden />
                Export CSV
              </a>
            </Button>
          </>
        }
      />
      <PageBody>
        <form aria-label="Search job postings" onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <Field id="postings-q" label="Search" className="min-w-48 flex-1">
            {" "}
            <span className="relative">
              <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" aria-hidden />
              <Input
                id="postings-q"
                type="search"
                className="pl-8"
                placeholder="Title, company, skill…"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            </span>
          </Field>
          <Field id="postings-province" label="Province">
            {" "}
            <Select
              id="postings-province"
              className="w-44"
              value={location}
              onChange={(e) => apply({ location: e.target.value || null })}
            >
              <option value="">All provinces</option>
              {PROVINCES.map((province) => (
                <option key={province} value={province}>
                  {province}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="postings-source" label="Data source">
            {" "}
            <Select
              id="postings-source"
              className="w-40"
              value={source}
              onChange={(e) => apply({ source: e.target.value || null })}
            >
              <option value="">All sources</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.id} value={s.site_name}>
                  {s.site_name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="postings-salary"
            label="Min. salary (million VND)"
            error={salaryInvalid ? "Enter a number of millions, such as 15" : null}
          >
            {" "}
            <Input
              id="postings-salary"
              className="w-40"
              inputMode="decimal"
              placeholder="e.g. 15"
              value={salaryDraft}
              aria-invalid={salaryInvalid || undefined}
              onChange={(e) => setSalaryDraft(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={salaryInvalid}>
            Search
          </Button>
        </form>

        {results.isPending ? (
          <LoadingState label="Searching…" />
        ) : results.isError ? (
          <ErrorState
            title="Search failed"
            message={errorMessage(results.error)}
            onRetry={() => void results.refetch()}
          />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            title="No job postings match"
            description={
              q || location || source || salaryMillions
                ? "Try fewer words or filters."
                : "Nothing has been crawled yet: start a sync job from Data Sources."
            }
          />
        ) : data ? (
          <section aria-label="Results" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
            <header className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50/80 px-4 py-2 text-xs text-zinc-500">
              <span data-testid="result-count">
                {formatCount(first)}–{formatCount(last)} of {formatCount(data.total)} job postings
              </span>
              {results.isFetching ? <span>Updating…</span> : null}
            </header>
            <ul className="divide-y divide-zinc-100">
              {data.items.map((posting) => (
                <PostingRow key={posting.id} posting={posting} />
              ))}
            </ul>
          </section>
        ) : null}

        {data && data.total > data.page_size ? (
          <nav aria-label="Pages" className="flex items-center justify-end gap-2">
            <span className="mr-2 text-xs text-zinc-500">
              Page {data.page} of {Math.ceil(data.total / data.page_size)}
            </span>
            <Button size="sm" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
              <ChevronLeft className="size-3.5" aria-hidden />
              Previous
            </Button>
            <Button size="sm" disabled={last >= data.total} onClick={() => setParams({ page: String(page + 1) })}>
              Next
              <ChevronRight className="size-3.5" aria-hidden />
            </Button>
          </nav>
        ) : null}
      </PageBody>
    </>
  );
}
