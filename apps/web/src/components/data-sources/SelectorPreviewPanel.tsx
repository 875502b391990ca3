import type { SelectorPreview } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { ApiError } from "../../services/api-error";
import { previewSelectors } from "../../services/selector-preview-api";
import { Button } from "../ui/button";

export interface SelectorPreviewPanelProps {
  baseUrl: string;
  /** The css config as the form holds it now (not saved). */
  buildConfig: () => Record<string, unknown>;
}

const OUTCOME_TEXT: Record<SelectorPreview["outcome"], string> = {
  ok: "Page read",
  fetch_failed: "The page could not be fetched",
  blocked: "The site answered a challenge page",
  parse_failed: "The page could not be read",
};

/**
 * "Test selectors": fetch the first start URL through the server's fetcher and show the cards the selectors read,
 * and which selectors matched nothing, before the source is saved.
 */
export function SelectorPreviewPanel({ baseUrl, buildConfig }: SelectorPreviewPanelProps) {
  const api = useApi();
  const run = useMutation({
    mutationFn: () => previewSelectors(api, { base_url: baseUrl.trim(), config: buildConfig() }),
  });
  const preview = run.data;
  const error = run.error;
  return (
    <section aria-label="Selector preview" className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-zinc-600">Fetch one page with these selectors and see what they read.</p>
        <Button size="sm" onClick={() => run.mutate()} disabled={run.isPending || baseUrl.trim() === ""}>
          {run.isPending ? "Testing…" : "Test selectors"}
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
  if (preview.outcome !== "ok") {
    return (
      <div role="alert" className="rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
        <p className="font-medium">{OUTCOME_TEXT[preview.outcome]}</p>
        <p className="break-all">{preview.error}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="selector-preview-result">
      <p className="text-zinc-700">
        <span className="font-semibold">{preview.card_count} cards</span> on{" "}
        <span className="break-all font-mono">{preview.url}</span> ({preview.cards.length} read
        {preview.skipped.length > 0 ? `, ${preview.skipped.length} skipped` : ""};{" "}
        {preview.is_last_page ? "last page" : "there is a next page"})
      </p>
      {preview.unmatched.length > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 px-2 py-1.5 text-amber-900">
          Matched nothing: <span className="font-mono">{preview.unmatched.join(", ")}</span>
        </p>
      ) : (
        <p role="status" className="text-emerald-700">
          Every selector matched.
        </p>
      )}
      <ul className="flex flex-wrap gap-1.5" aria-label="Matches per selector">
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
        <div className="max-h-56 overflow-auto rounded border border-zinc-200">
          <table className="w-full text-left" aria-label="Cards read">
            <thead className="sticky top-0 bg-zinc-50 text-zinc-500">
              <tr>
                <th className="px-2 py-1 font-medium">Title</th>
                <th className="px-2 py-1 font-medium">Company</th>
                <th className="px-2 py-1 font-medium">Salary</th>
                <th className="px-2 py-1 font-medium">Location</th>
                <th className="px-2 py-1 font-medium">Id</th>
              </tr>
            </thead>
            <tbody>
              {preview.cards.slice(0, 20).map((card) => (
                <tr key={card.external_id} className="border-t border-zinc-100">
                  <td className="px-2 py-1">
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
                  <td className="px-2 py-1 font-mono text-zinc-500">{card.external_id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
