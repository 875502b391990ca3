import { PROVINCES } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { ExpirePostingsButton } from "../../components/postings/ExpirePostingsButton";
import { ExportPostingsButton } from "../../components/postings/ExportPostingsButton";
import { PostingRow } from "../../components/postings/PostingRow";
import { Button } from "../../components/ui/button";
import { Field } from "../../components/ui/field";
import { Input, Select } from "../../components/ui/input";
import { Pager } from "../../components/ui/pager";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useRouteParams } from "../../hooks/use-route-params";
import { formatCount } from "../../lib/format";
import { dataSourcesQuery } from "../../queries/data-sources";
import { postingSearchQuery } from "../../queries/postings";
import { errorMessage } from "../../services/api-error";
import type { JobSearchParams } from "../../services/postings-api";

const PAGE_SIZE = 20;
const MILLION = 1_000_000;
/** Typing pauses this long before the search runs (each keystroke is not a request). */
const SEARCH_DEBOUNCE_MILLIS = 300;
/** "Experience" choices: postings asking for at most this many years (their stated minimum). */
/** Years of experience a posting may ask for at most ("" = any). */
const EXPERIENCE_CHOICES = ["", "0", "1", "2", "3", "5"] as const;

/**
 * Search the stored job postings (accent-insensitive on the server) with province, source, salary and experience
 * filters. The salary minimum compares full-time monthly equivalents: an hourly job paying 25k an hour counts as
 * 5.2 million a month.
 */
export function JobPostingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { params, setParams } = useRouteParams();
  const q = params.get("q") ?? "";
  const location = params.get("location") ?? "";
  const source = params.get("source") ?? "";
  const salaryMillions = params.get("salary_min") ?? "";
  const experienceMax = EXPERIENCE_CHOICES.some((v) => v === params.get("experience_max"))
    ? (params.get("experience_max") ?? "")
    : "";
  // Cursors of the pages before the current one (keyset paging), for this search only: new filters start at page 1.
  const filterKey = [q, location, source, salaryMillions, experienceMax].join("\u0000");
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const setCursors = (update: (list: Array<string | undefined>) => Array<string | undefined>) =>
    setPaging({ key: filterKey, cursors: update(cursors) });
  const cursor = cursors[cursors.length - 1];
  const page = cursors.length;
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
    experience_max: experienceMax === "" ? undefined : Number(experienceMax),
    page_size: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
  const results = useQuery(postingSearchQuery(api, search));
  const sources = useQuery(dataSourcesQuery(api));

  const apply = (patch: Record<string, string | null>) => setParams({ ...patch, page: null }, { replace: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: draft.trim() || null, salary_min: salaryDraft.trim() || null });
  };
  // search as you type, once the typing pauses
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed text searches
  useEffect(() => {
    if (draft.trim() === q) return;
    const timer = setTimeout(() => apply({ q: draft.trim() || null }), SEARCH_DEBOUNCE_MILLIS);
    return () => clearTimeout(timer);
  }, [draft]);

  const data = results.data;
  const first = data && data.items.length > 0 ? (page - 1) * PAGE_SIZE + 1 : 0;
  const last = data ? first + data.items.length - 1 : 0;
  const salaryInvalid = salaryDraft.trim() !== "" && !(Number(salaryDraft) >= 0);

  return (
    <>
      <PageHeader
        title={t("postings.title")}
        description={t("postings.description")}
        actions={
          <>
            <ExpirePostingsButton />
            <ExportPostingsButton search={search} />
          </>
        }
      />
      <PageBody>
        <form aria-label={t("postings.searchForm")} onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <Field id="postings-q" label={t("postings.search")} className="min-w-48 flex-1">
            {" "}
            <span className="relative">
              <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-500" aria-hidden />
              <Input
                id="postings-q"
                type="search"
                className="pl-8"
                placeholder={t("postings.searchPlaceholder")}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            </span>
          </Field>
          <Field id="postings-province" label={t("postings.province")}>
            {" "}
            <Select
              id="postings-province"
              className="w-44 max-w-full"
              value={location}
              onChange={(e) => apply({ location: e.target.value || null })}
            >
              <option value="">{t("postings.allProvinces")}</option>
              {PROVINCES.map((province) => (
                <option key={province} value={province}>
                  {province}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="postings-source" label={t("postings.source")}>
            {" "}
            <Select
              id="postings-source"
              className="w-40 max-w-full"
              value={source}
              onChange={(e) => apply({ source: e.target.value || null })}
            >
              <option value="">{t("postings.allSources")}</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.id} value={s.site_name}>
                  {s.site_name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="postings-experience" label={t("postings.experience")}>
            {" "}
            <Select
              id="postings-experience"
              className="w-40"
              value={experienceMax}
              onChange={(e) => apply({ experience_max: e.target.value || null })}
            >
              {EXPERIENCE_CHOICES.map((value) => (
                <option key={value} value={value}>
                  {value === ""
                    ? t("postings.experienceChoices.any")
                    : value === "0"
                      ? t("postings.experienceChoices.none")
                      : t("postings.experienceChoices.upTo", { count: Number(value) })}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="postings-salary"
            label={t("postings.minSalary")}
            error={salaryInvalid ? t("postings.minSalaryInvalid") : null}
          >
            {" "}
            <Input
              id="postings-salary"
              className="w-40 max-w-full"
              inputMode="decimal"
              placeholder={t("postings.minSalaryPlaceholder")}
              value={salaryDraft}
              aria-invalid={salaryInvalid || undefined}
              onChange={(e) => setSalaryDraft(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={salaryInvalid}>
            {t("postings.searchButton")}
          </Button>
        </form>

        {results.isPending ? (
          <LoadingState label={t("postings.searching")} />
        ) : results.isError ? (
          <ErrorState
            title={t("postings.searchFailed")}
            message={errorMessage(results.error)}
            onRetry={() => void results.refetch()}
          />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            title={t("postings.empty")}
            description={
              q || location || source || salaryMillions || experienceMax
                ? t("postings.emptyFiltered")
                : t("postings.emptyHint")
            }
          />
        ) : data ? (
          <section
            aria-label={t("postings.results")}
            className="overflow-hidden rounded-lg border border-zinc-200 bg-white"
          >
            <header className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50/80 px-4 py-2 text-xs text-zinc-600">
              <span data-testid="result-count">
                {data.total_is_estimate
                  ? t("postings.countEstimate", {
                      first: formatCount(first),
                      last: formatCount(last),
                      total: formatCount(data.total),
                    })
                  : t("postings.count", {
                      first: formatCount(first),
                      last: formatCount(last),
                      total: formatCount(data.total),
                      count: data.total,
                    })}
              </span>
              {results.isFetching ? <span>{t("common.updating")}</span> : null}
            </header>
            <ul className="divide-y divide-zinc-100">
              {data.items.map((posting) => (
                <PostingRow key={posting.id} posting={posting} />
              ))}
            </ul>
          </section>
        ) : null}

        {data && (page > 1 || data.next_cursor) ? (
          <Pager
            summary={
              data.total_is_estimate
                ? t("postings.pageOnly", { page })
                : t("postings.page", { page, pages: Math.max(page, Math.ceil(data.total / PAGE_SIZE)) })
            }
            hasPrevious={page > 1}
            hasNext={Boolean(data.next_cursor)}
            onPrevious={() => setCursors((list) => list.slice(0, -1))}
            onNext={() => {
              const next = data.next_cursor;
              if (next) setCursors((list) => [...list, next]);
            }}
          />
        ) : null}
      </PageBody>
    </>
  );
}
