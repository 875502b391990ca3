import type { LayoutVariant } from "./faults";
import { pageNoise } from "./page-noise";
import type { BoardPosting } from "./posting";
import { escapeHtml as e } from "./text";

/**
 * A TopCV search result page, with the markup of the real samples (listing-ke-toan-page1-of-112.html and
 * listing-ke-toan-page112-last.html): `div.job-item-search-result[data-job-id]` cards, `#job-listing-paginate-text`
 * "N / M trang", `a[rel=next][data-href]`, and on the last page the Next item disabled.
 */
export interface ListingView {
  origin: string;
  keyword: string;
  page: number;
  totalPages: number;
  postings: readonly BoardPosting[];
  /** Total postings of the keyword, for the title ("Tuyển dụng 5.593 việc làm ..."). */
  totalPostings: number;
  pageWeightBytes: number;
  /** A `layout` fault in force: the board's markup changed (see faults.ts). */
  layout?: LayoutVariant | null;
}

export function listingPath(keyword: string, page: number): string {
  return `/tim-viec-lam-${keyword}?type_keyword=1&page=${page}&sba=1`;
}

function keywordLabel(keyword: string): string {
  const words = keyword.split("-");
  return words.map((w) => (w.length > 0 ? w[0]?.toUpperCase() + w.slice(1) : w)).join(" ");
}

function trackingId(view: ListingView): string {
  return `FIXTURE${view.keyword.length}${view.page}x${view.totalPages}_1760764679`;
}

/** The card's class: "renamed-classes" renames it, so a parser looking for the real class finds no card. */
function cardClass(layout: LayoutVariant | null): string {
  return layout === "renamed-classes" ? "job-card-search-v2" : "job-item-search-result";
}

function salaryLabel(p: BoardPosting, layout: LayoutVariant | null): string {
  if (layout === "no-salary") return "";
  return `<label class="title-salary">
                                                                ${e(p.salary_text)}
                            </label>`;
}

function renderCard(p: BoardPosting, position: number, srId: string, layout: LayoutVariant | null): string {
  const link = `${p.url}?ta_source=JobSearchList_LinkDetail&amp;u_sr_id=${srId}`;
  const apply = `${p.url}?ta_source=JobSearchList_ButtonApplyFormCard&amp;u_sr_id=${srId}`;
  const tags = p.card_tags
    .map((tag, i) =>
      i < 3
        ? `<a href="/tim-viec-lam-moi-nhat?tag=${encodeURIComponent(tag)}" title="Xem tất cả việc làm ${e(tag)}" target="_blank" class="item-tag" rel="nooppener noreferrer">${e(tag)}</a>`
        : `<span class="item-tag">${e(tag)}</span>`,
    )
    .join("");
  // as on the real cards: the tooltip of "+n" holds every tag from the fourth on, the cut one included
  const remaining =
    p.tags.length > 3
      ? `<span data-toggle="tooltip" title="" class="remaining-items" data-original-title="${e(p.tags.slice(3).join(", "))}">+${p.tags.length - 3}</span>`
      : "";
  const tooltipPlaces = p.locations.map((l) => `<p style='text-align: left;margin-bottom: 0'>${e(l)}</p>`).join("");
  return `<div class="${cardClass(layout)}
                                 bg-highlight  job-ta
                                                                " data-job-id="${p.external_id}" data-job-position="${position}" data-u-sr-id="${srId}" data-box="BoxSearchResult">
                <div class="avatar">
            <a aria-label="${e(p.title)}" target="_blank" href="${link}" rel="nooppener noreferrer">
                <img data-src="${e(p.logo_url)}" class="w-100 lazy entered loaded" alt="${e(p.company)}" title="${e(p.title)}" data-ll-status="loaded" src="${e(p.logo_url)}">
            </a>
                    </div>
        <div class="body">
            <div class="body-box">
                <div class="body-content">
                    <div class="title-block">
                        <div>
                            <h3 class="title ">
                                <div class="box-label-top">
                                                                    </div>

                                <a target="_blank" href="${link}" rel="nooppener noreferrer">
                                    <span data-toggle="tooltip" data-container="body" data-placement="top" title="" data-original-title="${e(p.title)}">${e(p.title)}</span>
                                                                    </a>
                            </h3>
                                                            <a class="company" href="${e(p.company_url)}" target="_blank" rel="nooppener noreferrer">
                                                                        <span class="company-name" data-toggle="tooltip" title="" data-placement="top" data-original-title="${e(p.company)}">${e(p.company)}</span>
                                </a>
                                                    </div>
                        <div class="box-right">
                            ${salaryLabel(p, layout)}
                                                            <p class="quick-view-job-detail">Xem <span class="speed">nhanh</span> <i class="fa-solid fa-chevrons-right"></i></p>
                                                    </div>
                    </div>
                                    </div>
                <div class="info">
                    <div class="label-content">
                                                    <label class="address truncate" data-toggle="tooltip" data-html="true" title="" data-placement="top" data-original-title="${e(tooltipPlaces)}">
                                <span class="city-text">
                                                                            ${e(p.location_text)}
                                                                    </span>
                            </label>
                                                <label class="exp">
                            <span>
                                ${e(p.experience)}
                            </span>
                        </label>
                    </div>
                </div>
                <div class="undo-ignore">
                    <div class="undo-ignore__title">
                        Bạn sẽ không nhìn thấy tin tuyển dụng này trên trang tìm kiếm
                    </div>
                    <div class="undo-ignore__btn-undo" data-job-id="${p.external_id}">
                        <i class="fa-solid fa-rotate-left"></i>
                        Hoàn tác
                    </div>
                </div>
                <div class="overlay-ignore">

                </div>
            </div>
            <div class="box-icon">
                                    <div class="tag">
                        ${tags}${remaining}
                    </div>
                                                    <div class="tag-quickview">
                        ${tags}
                    </div>
                                <div class="icon">
                                            <label class="address mobile-hidden label-update" data-custom-class="custom-tooltip" data-toggle="tooltip" title="" data-placement="top" data-original-title="${e(p.updated_tooltip)}">
                                                                                                                                        <span class="hidden-on-quick-view">Đăng </span>
                                        ${e(p.updated_label.replace(/^Đăng /, ""))}
                        </label>
                        <button data-job-id="${p.external_id}" data-apply-url="" data-redirect-to="${apply}" class="btn btn-apply-now">
                            <span>Ứng tuyển</span>
                        </button>
                                            <a data-job-id="${p.external_id}" class="btn btn-ignore-job-search" href="javascript:showLoginPopup(null, 'Đăng nhập hoặc Đăng ký để lưu tin tuyển dụng')" data-title="Ẩn tin tuyển dụng này" data-toggle="tooltip" data-placement="top" data-container="body" data-original-title="" title="">
                                <i class="fa-sharp fa-regular fa-eye-slash"></i>
                            </a>
                                            <div class="box-save-job">
                            <a data-id="${p.external_id}" role="button" aria-label="Bạn phải đăng nhập để lưu tin" href="javascript:showLoginPopup(null, 'Đăng nhập hoặc Đăng ký để lưu tin tuyển dụng')" class="save box-save-job-hover" data-toggle="tooltip" title="" data-original-title="Bạn phải đăng nhập để lưu tin"><i class="fa-regular fa-heart"></i></a>
                        </div>
                                    </div>
            </div>
        </div>
            </div>
`;
}

function renderPagination(view: ListingView): string {
  const { origin, keyword, page, totalPages } = view;
  const href = (n: number) => `${origin}/tim-viec-lam-${keyword}?type_keyword=1&amp;page=${n}&amp;sba=1`;
  const prev =
    page > 1
      ? `<li>
                    <a data-href="${href(page - 1)}" rel="prev" aria-label="« Previous">‹</a>
                </li>`
      : `<li class="disabled" aria-disabled="true" aria-label="« Previous">
                    <span aria-hidden="true">‹</span>
                </li>`;
  const next =
    page < totalPages
      ? `<li>
                    <a data-href="${href(page + 1)}" rel="next" aria-label="Next »">›</a>
                </li>`
      : `<li class="disabled" aria-disabled="true" aria-label="Next »">
                    <span aria-hidden="true">›</span>
                </li>`;
  return `<nav class="box-pagination">
<ul class="pagination">
            
                            ${prev}
                        <li>
                <span id="job-listing-paginate-text">
                    <span class="hight-light">${page}&nbsp;</span>/&nbsp;${totalPages} trang
                </span>
            </li>


            
                            ${next}
                    </ul>
</nav>`;
}

export function renderListing(view: ListingView): string {
  const label = keywordLabel(view.keyword);
  const srId = trackingId(view);
  const layout = view.layout ?? null;
  // "empty-200": a 200 page with no cards, no pagination and no "no results" box
  const postings = layout === "empty-200" ? [] : view.postings;
  const onPage = postings.length > 0;
  const cards = postings.map((p, i) => renderCard(p, i + 1, srId, layout)).join("");
  // as on the real site: the "no suitable job" box is on every search page, hidden unless the search matched nothing
  const empty =
    layout === "empty-200"
      ? ""
      : `<div class="none-suitable-job hidden-on-quick-view"${onPage ? ' style="display: none"' : ""}>
                    <p>Chưa tìm thấy việc làm phù hợp với yêu cầu của bạn</p>
                </div>`;
  const pagination = onPage ? renderPagination(view) : "";
  const count = view.totalPostings.toLocaleString("de-DE");
  const page = (head: string, tail: string) => `<!DOCTYPE html><html lang="vi"><head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
    <meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1">
    <link rel="icon" href="/static/favicon.ico" type="image/x-icon">
    <link rel="canonical" href="${view.origin}/tim-viec-lam-${view.keyword}">
    <title>Tuyển dụng ${count} việc làm ${e(label)} [Update 18/10/2025]</title>
    <meta name="description" content="Khám phá ${count} việc làm ${e(label)} từ những Nhà tuyển dụng uy tín ngay hôm nay.">
    <link rel="stylesheet" href="/static/css/main.css">
    <style>@font-face{font-family:"Inter";src:url("/static/fonts/inter.woff2") format("woff2");font-display:swap}body{font-family:"Inter",sans-serif}</style>
${head}</head>
<body>
<div id="main">
<div class="search-job">
<div>
<div class="result-job-search">
<div class="container">
<div class="list-job">
<h1 class="search-title">Tuyển dụng ${count} việc làm <span class="keyword">${e(label)}</span></h1>
<div class="job-body wrapper-main">
<div class="col-md-9">
<div class="wrapper-content">
<video class="banner-video" autoplay muted playsinline preload="auto" src="/static/media/banner.mp4"></video>
<div class="job-list-main">
<div class="box-job-list">
<div class="job-list-search-result">
${cards}${empty}
</div>
</div>
${pagination}
</div>
</div>
</div>
</div>
</div>
</div>
</div>
</div>
</div>
</div>
${tail}</body></html>
`;
  const bare = page("", "");
  const missing = view.pageWeightBytes - Buffer.byteLength(bare);
  if (missing <= 0) return bare;
  const noise = pageNoise(missing);
  return page(noise.head, noise.tail);
}
