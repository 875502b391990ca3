import { emptyQualityTally, type QualityField, type QualityTally } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";

/** Whether a draft has each measured field: parsed salary numbers, a province, a description... */
const HAS: Readonly<Record<QualityField, (d: PostingDraft) => boolean>> = {
  title: (d) => d.title.trim() !== "",
  company: (d) => d.company !== null,
  salary: (d) => d.salary.min !== null || d.salary.max !== null,
  province: (d) => d.provinces.length > 0,
  deadline: (d) => d.deadline !== null,
  experience: (d) => d.experience !== null,
  description: (d) => d.description_html !== null,
};

/** Add one processed draft to the counters (in place: a batch's own tally, never a list of postings). */
export function countDraft(tally: QualityTally, draft: PostingDraft): void {
  tally.postings++;
  for (const field of Object.keys(HAS) as QualityField[]) if (HAS[field](draft)) tally.filled[field]++;
}

/** Page-level counters as Crawl Jobs meets them: added to the next batch's tally so the checkpoint keeps them. */
export class PageQuality {
  private pending: QualityTally = emptyQualityTally();

  listingPage(cards: number, empty: boolean): QualityTally {
    const add = { ...emptyQualityTally(), listing_pages: 1, cards, empty_pages: empty ? 1 : 0 };
    this.absorb(add);
    return add;
  }

  detail(failedToParse: boolean): QualityTally {
    const add = failedToParse
      ? { ...emptyQualityTally(), details_failed: 1 }
      : { ...emptyQualityTally(), details_fetched: 1 };
    this.absorb(add);
    return add;
  }

  /** What was counted since the last batch, handed to the batch about to go out. */
  take(): QualityTally {
    const taken = this.pending;
    this.pending = emptyQualityTally();
    return taken;
  }

  private absorb(add: QualityTally): void {
    const p = this.pending;
    p.listing_pages += add.listing_pages;
    p.cards += add.cards;
    p.empty_pages += add.empty_pages;
    p.details_fetched += add.details_fetched;
    p.details_failed += add.details_failed;
  }
}
