import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

export interface PagerProps {
  /** What the current page holds ("Page 2 · 20 sync jobs"). */
  summary?: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / Next under a list, for page numbers and cursors alike (the list owns how it pages). */
export function Pager({ summary, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("common.pages")} className="flex flex-wrap items-center justify-between gap-2">
      <span className="text-xs text-zinc-600" aria-live="polite">
        {summary}
      </span>
      <div className="flex gap-2">
        <Button size="sm" disabled={!hasPrevious} onClick={onPrevious}>
          <ChevronLeft className="size-3.5" aria-hidden />
          {t("common.previous")}
        </Button>
        <Button size="sm" disabled={!hasNext} onClick={onNext}>
          {t("common.next")}
          <ChevronRight className="size-3.5" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
