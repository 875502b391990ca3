import type { ParsedDetailRow } from "./samples";

/**
 * Detail pages built around real section HTML (topcv/details-parsed-300.jsonl holds sections, not pages), in the
 * two TopCV templates: the standard `/viec-lam/` one (classes of the real excerpt) and the brand one
 * (`premium-job-description__box` with `h2` headings, as public crawlers of TopCV brand pages describe it).
 */
const SECTION_HEADINGS: ReadonlyArray<[key: string, standard: string, brand: string]> = [
  ["mo_ta_cong_viec", "Mô tả công việc", "Mô tả công việc"],
  ["yeu_cau_ung_vien", "Yêu cầu ứng viên", "Yêu cầu ứng viên"],
  ["thu_nhap", "Thu nhập", "Thu nhập"],
  ["quyen_loi", "Quyền lợi", "Quyền lợi được hưởng"],
  ["phu_cap", "Phụ cấp", "Phụ cấp"],
  ["thiet_bi_lam_viec", "Thiết bị làm việc", "Trang thiết bị làm việc"],
  ["dia_diem_lam_viec", "Địa điểm làm việc", "Địa điểm làm việc"],
  ["thoi_gian_lam_viec", "Thời gian làm việc", "Thời gian làm việc"],
  ["cach_thuc_ung_tuyen", "Cách thức ứng tuyển", "Cách thức ứng tuyển"],
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function standardDetailPage(row: ParsedDetailRow): string {
  const sections = SECTION_HEADINGS.filter(([key]) => row.detail_sections[key]?.html)
    .map(
      ([key, heading]) =>
        `<div class="job-description__item"><h3> ${heading} </h3>\n${row.detail_sections[key]?.html}\n</div>`,
    )
    .join("\n");
  return `<html lang="vi"><head><link rel="canonical" href="${escapeHtml(row.url)}"><title>Tuyển ${escapeHtml(row.title)}</title></head>
<body><div class="job-detail__body-left">
<div class="job-detail__info"><h1 class="job-detail__info--title">${escapeHtml(row.title)}</h1></div>
<div class="job-description">${sections}</div>
</div>
<div class="job-detail__company--information-item company-name"><div class="company-name-label"><a class="name" href="${escapeHtml(row.company.url ?? "")}">${escapeHtml(row.company.name ?? "")}</a></div></div>
</body></html>`;
}

export function brandDetailPage(row: ParsedDetailRow, brand = "acme"): string {
  const id = /\/(\d+)\.html$/.exec(row.url)?.[1] ?? "1";
  const sections = SECTION_HEADINGS.filter(([key]) => row.detail_sections[key]?.html)
    .map(
      ([key, , heading]) => `<div class="premium-job-description__box">
  <h2 class="premium-job-description__box--title">${heading}</h2>
  <div class="premium-job-description__box--content">${row.detail_sections[key]?.html}</div>
</div>`,
    )
    .join("\n");
  const ld = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: row.title,
    validThrough: row.deadline,
    hiringOrganization: { "@type": "Organization", name: row.company.name, sameAs: row.company.url },
  };
  return `<html lang="vi"><head>
<link rel="canonical" href="https://www.topcv.vn/brand/${brand}/tuyen-dung/job-j${id}.html">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
</head><body><div id="premium-job" class="premium-job">
<div class="premium-job-header__company--info"><div class="company-content__title"><h1>${escapeHtml(row.company.name ?? "")}</h1></div></div>
<div class="premium-job-basic-information"><h2 class="premium-job-basic-information__content--title">${escapeHtml(row.title)}</h2></div>
<div class="premium-job-description">${sections}</div>
</div></body></html>`;
}
