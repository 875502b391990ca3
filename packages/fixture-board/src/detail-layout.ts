import type { LayoutVariant } from "./faults";

const STANDARD_SALARY =
  /<div class="job-detail__info--section section-salary">[\s\S]*?(?=<div class="job-detail__info--section section-location">)/;
const BRAND_SALARY =
  /<div class="basic-information-item">\s*<div class="basic-information-item__title">Mức lương<\/div>[\s\S]*?<\/div>\s*<\/div>/;
const META_SALARY = /, lương [^"]*?, kinh nghiệm/;

/**
 * A detail page under a `layout` fault: "no-salary" takes the salary element (and the salary in the description
 * meta) off both templates; the other variants change listing pages only.
 */
export function detailInLayout(html: string, layout: LayoutVariant | null): string {
  if (layout !== "no-salary") return html;
  return html.replace(STANDARD_SALARY, "").replace(BRAND_SALARY, "").replace(META_SALARY, ", kinh nghiệm");
}
