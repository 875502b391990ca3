import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { AuditTable } from "../../components/audit/AuditTable";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { Field } from "../../components/ui/field";
import { Input, Select } from "../../components/ui/input";
import { Pager } from "../../components/ui/pager";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useRouteParams } from "../../hooks/use-route-params";
import { formatCount } from "../../lib/format";
import { auditQuery } from "../../queries/audit";
import { errorMessage } from "../../services/api-error";

const PAGE_SIZE = 50;

/** `2026-05-04` (a date input) → the start of that day in the reader's zone, as ISO; the end is the next day's start. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The audit log (admins only): who did what, when, from where; filtered, newest first, paged by cursor. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { params, setParams } = useRouteParams();
  const actor = params.get("actor") ?? "";
  const action = params.get("action") ?? "";
  const objectType = params.get("object") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const [actorText, setActorText] = useState(actor);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const entries = useQuery(
    auditQuery(api, {
      actor: actor || undefined,
      action: action || undefined,
      object_type: objectType || undefined,
      from: dayStart(from),
      to: dayStart(to, 1),
      limit: PAGE_SIZE,
      cursor,
    }),
  );
  const setFilter = (patch: Record<string, string | null>) => {
    setCursors([undefined]);
    setParams(patch, { replace: true });
  };
  const items = entries.data?.items ?? [];
  const nextCursor = entries.data?.next_cursor ?? null;
  const filtered = Boolean(actor || action || objectType || from || to);

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <PageBody>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ actor: actorText.trim() || null });
          }}
        >
          <Field id="audit-actor" label={t("audit.filters.actor")}>
            <Input
              id="audit-actor"
              className="w-56"
              value={actorText}
              placeholder={t("audit.filters.actorPlaceholder")}
              onChange={(e) => setActorText(e.target.value)}
              onBlur={() => setFilter({ actor: actorText.trim() || null })}
            />
          </Field>
          <Field id="audit-action" label={t("audit.filters.action")}>
            <Select
              id="audit-action"
              className="w-56"
              value={action}
              onChange={(e) => setFilter({ action: e.target.value || null })}
            >
              <option value="">{t("audit.filters.allActions")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="audit-object" label={t("audit.filters.object")}>
            <Select
              id="audit-object"
              className="w-48"
              value={objectType}
              onChange={(e) => setFilter({ object: e.target.value || null })}
            >
              <option value="">{t("audit.filters.allObjects")}</option>
              {AUDIT_OBJECT_TYPES.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="audit-from" label={t("audit.filters.from")}>
            <Input
              id="audit-from"
              type="date"
              value={from}
              onChange={(e) => setFilter({ from: e.target.value || null })}
            />
          </Field>
          <Field id="audit-to" label={t("audit.filters.to")}>
            <Input id="audit-to" type="date" value={to} onChange={(e) => setFilter({ to: e.target.value || null })} />
          </Field>
        </form>
        {entries.isPending ? (
          <LoadingState label={t("audit.loading")} />
        ) : entries.isError ? (
          <ErrorState
            title={t("audit.loadFailed")}
            message={errorMessage(entries.error)}
            onRetry={() => void entries.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={t("audit.empty")} description={filtered ? t("audit.emptyFiltered") : undefined} />
        ) : (
          <AuditTable entries={items} />
        )}
        <Pager
          summary={t("audit.page", { page: cursors.length, count: items.length, formatted: formatCount(items.length) })}
          hasPrevious={cursors.length > 1}
          hasNext={Boolean(nextCursor)}
          onPrevious={() => setCursors((list) => list.slice(0, -1))}
          onNext={() => nextCursor && setCursors((list) => [...list, nextCursor])}
        />
      </PageBody>
    </>
  );
}
