import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/adapters/adapter";
import { topcvAdapter } from "../../src/adapters/topcv/topcv-adapter";
import { BlockedError } from "../../src/fetch/errors";
import { normalizeLocations } from "../../src/normalize/location";
import { sanitizeHtml } from "../../src/sanitize/html";
import { readParsedDetails, readSample } from "./samples";
import { brandDetailPage, standardDetailPage } from "./topcv-detail-pages";

const URL_2100892 =
  "https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html?ta_source=JobSearchList_LinkDetail";
const parseDetail = (html: string, url: string) => {
  if (!topcvAdapter.parseDetail) throw new Error("the TopCV adapter must read detail pages");
  return topcvAdapter.parseDetail(html, url);
};
const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const textOf = (html: string | null) =>
  (html ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("parseDetail on the real TopCV detail excerpt (standard template)", () => {
  const detail = parseDetail(readSample("topcv/detail-2100892-excerpt.html"), URL_2100892);

  it("reads the header facts", () => {
    expect(detail).toMatchObject({
      title: "Kỹ Sư AI - AI Engineer",
      salary_text: "30 - 40 triệu",
      experience: "2 năm",
      level: "Nhân viên",
      deadline_text: "29/04/2026",
      url: "https://www.topcv.vn/viec-lam/ky-su-ai-ai-engineer/2100892.html",
      external_id: "2100892",
    });
  });

  it("reads the work places from the 'Địa điểm làm việc' section", () => {
    expect(detail.locations).toEqual(["Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"]);
  });

  it("reads the company box", () => {
    expect(detail).toMatchObject({
      company_name: "CÔNG TY TNHH JUNIOR DEVS",
      company_url: "https://www.topcv.vn/cong-ty/cong-ty-tnhh-junior-devs/252829.html",
      company_size: "10-24 nhân viên",
      company_address:
        "Tầng 12, Tòa nhà Licogi 13, Số 164 Đường Khuất Duy Tiến, Phường Nhân Chính, Quận Thanh Xuân, Thành phố Hà Nội, Việt Nam",
      logo_url:
        "https://cdn-new.topcv.vn/unsafe/80x/https://static.topcv.vn/company_logos/G4RKEL6wv9TfaYQ0vyU1DFPD9iDuhiMV_1774911481____711aa6fd436a66c515f6b99102b6292f.png",
    });
  });

  it("reads the sections by their headings", () => {
    expect(textOf(detail.description_html)).toMatch(/^Xây dựng và triển khai ứng dụng dựa trên LLM/);
    expect(textOf(detail.description_html)).toMatch(/đưa AI vào use-case thực tế$/);
    expect(textOf(detail.requirements_html)).toMatch(
      /^Kinh nghiệm thực tế với LLM APIs.*thích xây dựng sản phẩm thực tế$/,
    );
    expect(textOf(detail.benefits_html)).toBe(
      "Mức lương 30-40tr/tháng Làm việc trực tiếp với các dự án AI cutting-edge Môi trường linh hoạt, tập trung vào hiệu quả Cơ hội lead team AI trong tương lai",
    );
    expect(textOf(detail.working_time_html)).toBe("Thứ 2 - Thứ 6 (từ 08:00 đến 17:00)");
    expect(detail.description_html).toContain("<ul><li>");
  });

  it("reads the field and skill tags", () => {
    expect(detail.tags.slice(0, 4)).toEqual(["AI Engineer", "IT - Phần mềm", "Python", "RAG"]);
    expect(detail.tags).toContain("Cloud");
    expect(detail.tags).not.toContain("Xem chi tiết Yêu cầu");
    expect(new Set(detail.tags).size).toBe(detail.tags.length);
  });
});

describe("parseDetail on a brand template page", () => {
  const row = readParsedDetails().find((r) => r.detail_sections.thu_nhap?.html && r.detail_sections.phu_cap?.html);
  if (!row) throw new Error("the sample has rows with income and allowance sections");
  const detail = parseDetail(brandDetailPage(row, "acme"), "https://www.topcv.vn/brand/acme/tuyen-dung/job-j1.html");

  it("finds the sections by heading text ('Quyền lợi được hưởng' included)", () => {
    expect(textOf(detail.description_html)).toBe(textOf(row.detail_sections.mo_ta_cong_viec?.html ?? null));
    expect(textOf(detail.requirements_html)).toBe(textOf(row.detail_sections.yeu_cau_ung_vien?.html ?? null));
    expect(textOf(detail.benefits_html)).toContain(textOf(row.detail_sections.quyen_loi?.html ?? null));
    expect(detail.benefits_html).toContain("<h4>Thu nhập</h4>");
    expect(detail.benefits_html).toContain("<h4>Phụ cấp</h4>");
  });

  it("reads the title, the id from the -j<id>.html URL, the company and the deadline (JSON-LD)", () => {
    const id = /\/(\d+)\.html$/.exec(row.url)?.[1];
    expect(detail).toMatchObject({
      title: row.title,
      external_id: id,
      url: `https://www.topcv.vn/brand/acme/tuyen-dung/job-j${id}.html`,
      company_name: row.company.name,
      deadline_text: row.deadline,
    });
  });
});

describe("parseDetail on the section HTML of 300 real TopCV details, in both templates", () => {
  const rows = readParsedDetails();
  it.each([
    ["standard", standardDetailPage],
    ["brand", brandDetailPage],
  ])("%s template: every section and work place is found", (_template, page) => {
    let checked = 0;
    for (const row of rows) {
      const detail = parseDetail(page(row), row.url);
      const expect_ = (key: string, got: string | null) => {
        const html = row.detail_sections[key]?.html ?? null;
        expect(textOf(got ? sanitizeHtml(got) : null), `${row.url} ${key}`).toBe(
          textOf(html ? sanitizeHtml(html) : null),
        );
      };
      expect(detail.title).toBe(row.title.replace(/\s+/g, " ").trim());
      expect_("mo_ta_cong_viec", detail.description_html);
      expect_("yeu_cau_ung_vien", detail.requirements_html);
      expect_("thoi_gian_lam_viec", detail.working_time_html);
      const benefits = textOf(detail.benefits_html);
      for (const key of ["quyen_loi", "thu_nhap", "phu_cap", "thiet_bi_lam_viec"]) {
        expect(benefits).toContain(textOf(row.detail_sections[key]?.html ?? null));
      }
      // each work place is a `<div style="margin-bottom: 10px">- <strong>Province:</strong> address</div>`
      const places = [
        ...(row.detail_sections.dia_diem_lam_viec?.html ?? "").matchAll(
          /<div style="margin-bottom: 10px">-\s*((?:<strong>[^<]*<\/strong>)?[^<]*)<\/div>/g,
        ),
      ].map((m) =>
        decode((m[1] ?? "").replace(/<[^>]+>/g, ""))
          .replace(/\s+/g, " ")
          .trim(),
      );
      expect(places.length).toBeGreaterThan(0);
      expect(detail.locations, row.url).toEqual(places);
      const heads = [...new Set(places.map((l) => l.split(":")[0]?.trim()).filter((p) => p !== "Nước Ngoài"))];
      expect(normalizeLocations(detail.locations).provinces).toEqual(heads);
      checked++;
    }
    expect(checked).toBe(300);
  });
});

describe("parseDetail: pages that are not job details", () => {
  it("throws BlockedError on the real Cloudflare challenge page", () => {
    expect(() => parseDetail(readSample("topcv/cloudflare-challenge-excerpt.html"), URL_2100892)).toThrow(BlockedError);
  });

  it.each([
    ["an ITviec page", readSample("itviec/company-jobs-page.html")],
    ["a TopCV listing page", readSample("topcv/listing-ke-toan-page112-last.html")],
    ["an empty body", ""],
    ["a page with an empty section", "<html><body><h3>Mô tả công việc</h3></body></html>"],
  ])("throws ParseError on %s", (_name, html) => {
    expect(() => parseDetail(html, URL_2100892)).toThrow(ParseError);
    expect(() => parseDetail(html, URL_2100892)).toThrow(/not a TopCV job detail page/);
  });
});
