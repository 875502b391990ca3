import type { BoardPosting } from "./posting";
import { escapeHtml as e } from "./text";

/**
 * Job detail pages. The standard template `/viec-lam/<slug>/<id>.html` copies the markup of the real excerpt
 * (shared/samples/topcv/detail-2100892-excerpt.html); the brand template `/brand/<brand>/tuyen-dung/<slug>-j<id>.html`
 * uses other classes, as company-branded pages do on TopCV, so a parser must find its sections by heading text.
 * Section bodies (description, requirements, benefits) are the employer's HTML, served unescaped like the real site.
 */
function head(p: BoardPosting): string {
  return `<!DOCTYPE html><html lang="vi"><head>
    <meta charset="utf-8">
    <link rel="canonical" href="${e(p.url)}">
    <title>Tuyển ${e(p.title)} làm việc tại ${e(p.company)}</title>
    <meta name="description" content="Công ty ${e(p.company)} tuyển ${e(p.title)} tại ${e(p.location_text)}, lương ${e(p.salary_text)}, kinh nghiệm ${e(p.experience)}">
    <link rel="stylesheet" href="/static/css/main.css">
    <script>window.app = window.app || {};app.currentRouteName = "jobs.detail";</script>
</head>`;
}

function locationTooltip(p: BoardPosting): string {
  const items = p.locations.map((l) => `<li><li>${e(l)}</li></li>`).join("");
  return e(`
            <div style='text-align: left; display: flex; flex-direction: column;'>
                <ul style='margin: 0; padding-left: 24px;'>
                    ${items}
                </ul>
            </div>
        `);
}

function workPlaces(p: BoardPosting): string {
  return p.locations
    .map((l) => {
      const [province, district] = l.split(": ");
      return `<div style="margin-bottom: 10px">- <strong>${e(province ?? l)}:</strong> ${e(district ?? "")}</div>`;
    })
    .join("\n");
}

export function renderStandardDetail(p: BoardPosting): string {
  return `${head(p)}
<body>
<div id="main" style="margin-top: 0px;">
<div class="job-detail-wrapper ">
    <div class="container job-detail" id="job-detail" data-job-title="${e(p.title)}">
        <div class="job-detail__wrapper">
            <div class="job-detail__body">
                <div class="job-detail__body-left">
                    <div class="job-detail__box--left job-detail__info" id="header-job-info">
        <h1 class="job-detail__info--title ">${e(p.title)}</h1>
    <div class="job-detail__info--sections">
                    <div class="job-detail__info--section section-salary">
                <div class="job-detail__info--section-content">
                    <div class="job-detail__info--section-content-title">Mức lương</div>
                    <div class="job-detail__info--section-content-value">${e(p.salary_text)}</div>
                </div>
            </div>
        <div class="job-detail__info--section section-location">
            <div class="job-detail__info--section-content">
                <div class="job-detail__info--section-content-title">Địa điểm</div>
                                    <div class="job-detail__info--section-content-value"><span class="text-highlight" data-html="true" data-toggle="tooltip" data-placement="top" data-original-title="${locationTooltip(p)}"><a href="/tim-viec-lam-moi-nhat" target="_blank">${e(p.location_text)}</a></span></div>
                            </div>
        </div>
        <div class="job-detail__info--section section-experience" id="job-detail-info-experience">
            <div class="job-detail__info--section-content">
                <div class="job-detail__info--section-content-title">Kinh nghiệm</div>
                <div class="job-detail__info--section-content-value">${e(p.experience)}</div>
            </div>
        </div>
    </div>
    <div class="job-detail__info--flex">
                            <div class="job-detail__info--deadline">
                Hạn nộp hồ sơ:
                <div class="job-detail__info--deadline-date">
                    ${e(p.deadline_text)}
                </div>
            </div>
            </div>
</div>
                    <div class="job-detail__box--left">
                        <div class="job-detail__information-detail " id="box-job-information-detail">
    <div class="job-detail__information-container">
        <div class="job-detail__information-detail--content">
            <div class="job-description">
                <div class="job-description__item">
                    <h3> Mô tả công việc </h3>
                    <div class="job-description__item--content">
                        ${p.description_html}
                    </div>
                </div>
                <div class="job-description__item job-detail-section requirement">
                    <h3> Yêu cầu ứng viên </h3>
                    <div class="job-description__item--content">
                        ${p.requirements_html}
                    </div>
                </div>
                <div class="job-description__item job-detail-section benefit">
                    <h3> Quyền lợi </h3>
                    <div class="job-description__item--content">
                        ${p.benefits_html}
                    </div>
                </div>
                <div class="job-description__item">
                    <h3>
                        Địa điểm làm việc
                    </h3>
                    <div class="job-description__item--content">
                        ${workPlaces(p)}
                    </div>
                </div>
                    <div class="job-description__item">
                        <h3> Thời gian làm việc </h3>
                        <div class="job-description__item--content">
                            ${p.working_time_html}
                        </div>
                    </div>
                <div class="job-description__item">
                    <h3> Cách thức ứng tuyển </h3>
                    <div class="job-description__item--content">
                        Ứng viên nộp hồ sơ trực tuyến bằng cách bấm <strong>Ứng tuyển</strong> ngay dưới đây.
                    </div>
                </div>
            </div>
        </div>
    </div>
                        </div>
                    </div>
                </div>
                <div class="job-detail__body-right">
                    <div class="job-detail__box--right job-detail__company ">
    <div class="job-detail__company--information">
        <div class="job-detail__company--information-item company-name">
            <a rel="nofollow" class="company-logo" href="${e(p.company_url)}" target="_blank">
                <img src="${e(p.logo_url)}" alt="${e(p.company)}" class="img-responsive">
            </a>
            <div class="company-name-label">
                <a rel="nofollow" class="name" href="${e(p.company_url)}" target="_blank" data-original-title="${e(p.company)}">${e(p.company)}</a>
            </div>
        </div>
        <div class="job-detail__company--information-item company-scale">
            <div class="company-title">
                Quy mô:
            </div>
            <div class="company-value">${e(p.company_size)}</div>
        </div>
                <div class="job-detail__company--information-item company-address">
            <div class="company-title">
                Địa điểm:
            </div>
            <div class="company-value" data-toggle="tooltip" title="" data-placement="top" data-original-title="${e(p.company_address)}">
                ${e(p.company_address)}
            </div>
        </div>
    </div>
</div>
                    <div class="job-detail__box--right job-detail__body-right--item job-detail__body-right--box-general">
    <div class="box-title">Thông tin chung</div>
    <div class="box-general-content">
        <div class="box-general-group">
            <div class="box-general-group-info">
                <div class="box-general-group-info-title">Cấp bậc</div>
                <div class="box-general-group-info-value">${e(p.level)}</div>
            </div>
        </div>
        <div class="box-general-group">
            <div class="box-general-group-info">
                <div class="box-general-group-info-title">Hình thức làm việc</div>
                <div class="box-general-group-info-value">Toàn thời gian</div>
            </div>
        </div>
    </div>
</div>
                    <div class="job-detail__box--right job-detail__body-right--item job-detail__body-right--box-category">
            <div class="box-category collapsed">
            <div class="box-title">Kỹ năng cần có</div>
            <div class="box-category-tags">
                ${p.tags.map((t) => `<span class="box-category-tag" target="_blank">${e(t)}</span>`).join("\n                ")}
            </div>
                    </div>
</div>
                </div>
            </div>
        </div>
    </div>
</div>
</div>
</body></html>
`;
}

export function renderBrandDetail(p: BoardPosting): string {
  const section = (title: string, html: string) => `
            <div class="premium-job-description__box">
                <h2 class="premium-job-description__box--title">${title}</h2>
                <div class="premium-job-description__box--content">
                    ${html}
                </div>
            </div>`;
  return `${head(p)}
<body>
<div id="main">
<div class="premium-job" data-brand="${e(p.brand ?? "")}" data-job-id="${p.external_id}">
    <div class="premium-job-cover"><img src="/static/brand/${e(p.brand ?? "brand")}-cover.jpg" alt="${e(p.company)}"></div>
    <div class="premium-job-basic-information">
        <h2 class="premium-job-basic-information__content--title">${e(p.title)}</h2>
        <div class="premium-job-basic-information__content--sections">
            <div class="basic-information-item">
                <div class="basic-information-item__title">Mức lương</div>
                <div class="basic-information-item__value">${e(p.salary_text)}</div>
            </div>
            <div class="basic-information-item">
                <div class="basic-information-item__title">Địa điểm</div>
                <div class="basic-information-item__value">${e(p.location_text)}</div>
            </div>
            <div class="basic-information-item">
                <div class="basic-information-item__title">Kinh nghiệm</div>
                <div class="basic-information-item__value">${e(p.experience)}</div>
            </div>
            <div class="basic-information-item">
                <div class="basic-information-item__title">Cấp bậc</div>
                <div class="basic-information-item__value">${e(p.level)}</div>
            </div>
        </div>
        <div class="premium-job-basic-information__deadline">Hạn nộp hồ sơ: <span class="deadline">${e(p.deadline_text)}</span></div>
    </div>
    <div class="premium-job-description">${section("Mô tả công việc", p.description_html)}${section("Yêu cầu ứng viên", p.requirements_html)}${section("Quyền lợi", p.benefits_html)}${section("Địa điểm làm việc", workPlaces(p))}${section("Thời gian làm việc", p.working_time_html)}
    </div>
    <div class="premium-job-skills">
        <h2>Kỹ năng cần có</h2>
        ${p.tags.map((t) => `<span class="skill-tag">${e(t)}</span>`).join("\n        ")}
    </div>
    <div class="premium-job-company">
        <a class="premium-job-company__name" href="${e(p.company_url)}">${e(p.company)}</a>
        <div class="premium-job-company__size">Quy mô: ${e(p.company_size)}</div>
        <div class="premium-job-company__address">Địa chỉ: ${e(p.company_address)}</div>
    </div>
</div>
</div>
</body></html>
`;
}
