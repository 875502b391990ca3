import { ABSENCE_EXPIRY_GUARD } from "@jobsync/contracts";

const pct = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Why a sync job's absences must not count at all: it found under `minFoundShare` of the source's usual count (an
 * abnormal sync job — a broken page, a block — not postings gone). Null when they may count. Pure.
 */
export function abnormalFind(found: number, usual: number | null): string | null {
  if (usual === null || usual <= 0) return null;
  if (found >= ABSENCE_EXPIRY_GUARD.minFoundShare * usual) return null;
  return `the sync job found ${found} postings, under ${pct(ABSENCE_EXPIRY_GUARD.minFoundShare)} of the usual ${usual}: no posting was counted missing or closed`;
}

/** How many of a source's open postings one pass may close (at most `maxCloseShare` of them). Pure. */
export function closeLimit(open: number): number {
  return Math.floor(open * ABSENCE_EXPIRY_GUARD.maxCloseShare);
}

export function heldBackReason(heldBack: number, open: number): string {
  return `${heldBack} postings held back: one pass closes at most ${pct(ABSENCE_EXPIRY_GUARD.maxCloseShare)} of the source's ${open} open postings`;
}
