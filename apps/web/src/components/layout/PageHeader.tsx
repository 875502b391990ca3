import type { ReactNode } from "react";
import { usePageTitle } from "../../hooks/use-document-title";

/** A page's heading (also its browser tab title), description and actions; the actions wrap under it when narrow. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 border-b border-zinc-200 bg-white px-4 py-4 sm:px-8 sm:py-5">
      <div className="min-w-0 flex-[1_1_16rem]">
        <h1 tabIndex={-1} className="text-lg font-semibold tracking-tight text-zinc-900 focus:outline-none">
          {title}
        </h1>
        {description ? <p className="mt-0.5 text-[13px] text-zinc-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}

export function PageBody({ children }: { children: ReactNode }) {
  return <div className="flex flex-col gap-4 px-4 py-4 sm:px-8 sm:py-6">{children}</div>;
}
