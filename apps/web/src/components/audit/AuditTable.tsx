import type { AuditEntry } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";

/** `{ role: { before: "admin", after: "viewer" } }` → `role: admin → viewer`; anything else as `key: value`. */
export function describeChanges(changes: Record<string, unknown> | null): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([key, value]) => {
    if (value && typeof value === "object" && "before" in value && "after" in value) {
      const { before, after } = value as { before: unknown; after: unknown };
      return `${key}: ${show(before)} → ${show(after)}`;
    }
    return `${key}: ${show(value)}`;
  });
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("audit.table")}>
      <TableHead>
        <tr>
          <Th>{t("audit.columns.at")}</Th>
          <Th>{t("audit.columns.actor")}</Th>
          <Th>{t("audit.columns.action")}</Th>
          <Th>{t("audit.columns.object")}</Th>
          <Th>{t("audit.columns.changes")}</Th>
          <Th>{t("audit.columns.ip")}</Th>
        </tr>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-action={entry.action}>
            <Td className="text-xs whitespace-nowrap">
              <Time value={entry.at} mode="datetime" />
            </Td>
            <Td className="text-xs">{entry.actor_email ?? t("audit.system")}</Td>
            <Td>
              <code className="text-xs">{entry.action}</code>
            </Td>
            <Td className="text-xs">
              {entry.object_type}
              {entry.object_id ? (
                <span className="block max-w-40 truncate font-mono text-[11px] text-zinc-600" title={entry.object_id}>
                  {entry.object_id}
                </span>
              ) : null}
            </Td>
            <Td className="max-w-96 text-xs text-zinc-700">
              {describeChanges(entry.changes).map((line) => (
                <span key={line} className="block break-all">
                  {line}
                </span>
              ))}
            </Td>
            <Td className="font-mono text-[11px] text-zinc-600">{entry.ip ?? "—"}</Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
