import type { SelectorPreview } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import type { TranslationKey } from "../../i18n/keys";
import { formatCount } from "../../lib/format";
import { ApiError } from "../../services/api-error";
import { selectorPreviewApi } from "../../services/selector-preview-api";
import { Button } from "../ui/button";

export interface SelectorPreviewPanelProps {
  baseUrl: string;
  /** The css config as the form holds it now (not saved). */
  buildConfig: () => Record<string, unknown>;
}

const OUTCOME_TEXT: Record<SelectorPreview["outcome"], TranslationKey> = {
  ok: "preview.outcome.ok",
  fetch_failed: "preview.outcome.fetchFailed",
  blocked: "preview.outcome.blocked",
  parse_failed: "preview.outcome.parseFailed",
};

/**
 * "Test selectors": fetch the first start URL through the server's fetcher and show the cards the selectors read,
 * and which selectors matched nothing, before the source is saved.
 */
export function SelectorPreviewPanel({ baseUrl, buildConfig }: SelectorPreviewPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useMutation({
    mutationFn: () => selectorPreviewApi.run(api, { base_url: baseUrl.trim(), config: buildConfig() }),
  });
  const preview = run.data;
  const error = run.error;
  return (
    <section aria-label={t("preview.title")} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-zinc-700">{t("preview.hint")}</p>
        <Button size="sm" onClick={() => run.mutate()} disabled={run.isPending || baseUrl.trim() === ""}>
          {run.isPending ? t("preview.testing") : t("preview.test")}
        </Button>
      </div>
      {error ? (
        <div role="alert" className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800">
          {error instanceof ApiError ? error.message : String(error)}
        </div>
      ) : null}
      {preview ? <PreviewResult preview={preview} /> : null}
    </section>
  );
}

function PreviewResult({ preview }: { preview: SelectorPreview }) {
  const { t } = useTranslation();
  if (preview.outcome !== "ok") {
    return (
      <div role="alert" className="rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
        <p className="font-medium">{t(OUTCOME_TEXT[preview.outcome])}</p>
        <p className="break-all">{preview.error}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="selector-preview-result">
      <p className="text-zinc-800">
        <span className="font-semibold">
          {t("preview.cards", { count: preview.card_count, formatted: formatCount(preview.card_count) })}
        </span>{" "}
        <span className="break-all font-mono">{preview.url}</span> ({t("preview.read", { count: preview.cards.length })}
        {preview.skipped.length > 0 ? `, ${t("preview.skipped", { count: preview.skipped.length })}` : ""};{" "}
        {preview.is_last_page ? t("preview.lastPage") : t("preview.nextPage")})
      </p>
      {preview.unmatched.length > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 px-2 py-1.5 text-amber-900">
          {t("preview.matchedNothing")} <span className="font-mono">{preview.unmatched.join(", ")}</span>
        </p>
      ) : (
        <p role="status" className="text-emerald-700">
          {t("preview.allMatched")}
        </p>
      )}
      <ul className="flex flex-wrap gap-1.5" aria-label={t("preview.matches")}>
        {Object.entries(preview.matches).map(([key, count]) => (
          <li
            key={key}
            className={`rounded px-1.5 py-0.5 font-mono ${count === 0 ? "bg-amber-100 text-amber-900" : "bg-zinc-100 text-zinc-700"}`}
          >
            {key}: {count}
          </li>
        ))}
      </ul>
      {preview.cards.length > 0 ? (
        <section
          className="max-h-56 overflow-auto rounded border border-zinc-200"
          aria-label={t("preview.cardsRead")}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          tabIndex={0}
        >
          <table className="w-full text-left" aria-label={t("preview.cardsRead")}>
            <thead className="sticky top-0 bg-zinc-50 text-zinc-700">
              <tr>
                <th className="px-2 py-1 font-medium">{t("preview.columns.title")}</th>
                <th className="px-2 py-1 font-medium">{t("preview.columns.company")}</th>
                <th className="px-2 py-1 font-medium">{t("preview.columns.salary")}</th>
                <th className="px-2 py-1 font-medium">{t("preview.columns.location")}</th>
                <th className="px-2 py-1 font-medium">{t("preview.columns.id")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.cards.slice(0, 20).map((card) => (
                <tr key={card.external_id} className="border-t border-zinc-100">
                  <td className="px-2 py-1" lang="vi">
                    <a
                      href={card.url}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="text-blue-700 hover:underline"
                    >
                      {card.title}
                    </a>
                  </td>
                  <td className="px-2 py-1">{card.company ?? "—"}</td>
                  <td className="px-2 py-1">{card.salary_text ?? "—"}</td>
                  <td className="px-2 py-1">{card.location_text ?? "—"}</td>
                  <td className="px-2 py-1 font-mono text-zinc-600">{card.external_id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
