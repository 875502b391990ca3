import { createHash } from "node:crypto";
import { AppError } from "../errors/app-error";
import type { ListPosition } from "./posting-list.repository";
import type { SearchFilter } from "./posting-read.repository";

/**
 * The opaque `cursor` of `GET /jobs`: where the last page ended, the total of the first page (so later pages count
 * nothing), and a fingerprint of the filters (a cursor of another search is refused, not silently misread).
 */
export interface SearchCursor {
  position: ListPosition;
  total: number;
  totalIsEstimate: boolean;
}

export function filterFingerprint(filter: SearchFilter): string {
  return createHash("sha256").update(JSON.stringify(filter)).digest("base64url").slice(0, 12);
}

export function encodeCursor(cursor: SearchCursor, filter: SearchFilter): string {
  const { tier, seenMicros, id } = cursor.position;
  const body = [tier, seenMicros, id, cursor.total, cursor.totalIsEstimate ? 1 : 0, filterFingerprint(filter)];
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

const invalid = () =>
  new AppError("validation_failed", "cursor is not a next_cursor of an earlier answer", [
    { path: "cursor", message: "cursor is not a next_cursor of an earlier answer" },
  ]);

export function decodeCursor(text: string, filter: SearchFilter): SearchCursor {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(body) || body.length !== 6) throw invalid();
  const [tier, seenMicros, id, total, estimate, fingerprint] = body as unknown[];
  const isWhole = (v: unknown, max: number): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
  if (
    !isWhole(tier, 3) ||
    typeof seenMicros !== "string" ||
    !/^-?\d{1,19}$/.test(seenMicros) ||
    !isWhole(id, 2147483647) ||
    !isWhole(total, Number.MAX_SAFE_INTEGER) ||
    (estimate !== 0 && estimate !== 1)
  ) {
    throw invalid();
  }
  if (fingerprint !== filterFingerprint(filter)) {
    throw new AppError("validation_failed", "cursor belongs to another search: keep the filters of the first page", [
      { path: "cursor", message: "cursor belongs to another search: keep the filters of the first page" },
    ]);
  }
  return { position: { tier, seenMicros, id }, total, totalIsEstimate: estimate === 1 };
}
