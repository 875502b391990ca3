import { createHash } from "node:crypto";
import type { PostingDraft } from "@jobsync/crawler";

const TITLES = [
  "Kế toán tổng hợp",
  "Lập trình viên Python",
  "Java Developer",
  "Nhân viên kinh doanh",
  "Chuyên viên Marketing",
];
const COMPANIES = ["Công ty TNHH Minh Phát", "FPT Software", "Ngân hàng ABC", "Công ty CP Sao Việt", "VNG"];
const PROVINCES = ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ"];

const paragraph = (i: number, version: number) =>
  `<p>Mô tả công việc số ${i} (bản ${version}): phân tích yêu cầu, phát triển và bảo trì hệ thống, phối hợp với các phòng ban liên quan.</p>`;

/**
 * A posting as the crawler hands it to the engine (the size of a real TopCV one, ~1.5 KB of HTML sections).
 * `version` changes the content (and so the content hash) without changing the id.
 */
export function syntheticDraft(i: number, version = 1): PostingDraft {
  const title = `${TITLES[i % TITLES.length]} ${i}`;
  const company = COMPANIES[i % COMPANIES.length]!;
  const province = PROVINCES[i % PROVINCES.length]!;
  const description = Array.from({ length: 6 }, () => paragraph(i, version)).join("");
  const content_hash = createHash("sha256").update(`${title}|${company}|${description}`).digest("hex");
  return {
    external_id: String(1_000_000 + i),
    url: `https://board.example/viec-lam/${i}/${1_000_000 + i}.html`,
    title,
    company,
    company_url: `https://board.example/cong-ty/${i % 997}`,
    logo_url: null,
    salary: {
      raw: "10 - 15 triệu",
      min: 10_000_000,
      max: 15_000_000,
      currency: "VND",
      period: "month",
      negotiable: false,
    },
    locations: [province],
    provinces: [province],
    extra_locations: 0,
    experience: "2 năm",
    experience_years: { min_years: 2, max_years: 2 },
    level: "Nhân viên",
    deadline: "2026-12-31",
    posted_at: "2026-11-20T00:00:00.000Z",
    tags: ["python", "sql"],
    description_html: description,
    requirements_html: "<ul><li>Tốt nghiệp đại học</li><li>2 năm kinh nghiệm</li></ul>",
    benefits_html: "<ul><li>Lương tháng 13</li><li>Bảo hiểm đầy đủ</li></ul>",
    working_time_html: "<p>Thứ 2 - Thứ 6</p>",
    company_size: "100-499 nhân viên",
    company_address: `${i % 200} Đường Láng, ${province}`,
    content_hash,
    content_key: `${title.toLowerCase()}|${company.toLowerCase()}|${province.toLowerCase()}`,
    truncated: [],
  };
}

/**
 * The second batch of the save benchmark: `n` postings of which `duplicateShare` repeat ids of the first batch
 * (half of those changed, half unchanged) and the rest are new.
 */
export function secondBatch(n: number, duplicateShare: number): PostingDraft[] {
  const duplicates = Math.round(n * duplicateShare);
  return Array.from({ length: n }, (_, i) =>
    i < duplicates ? syntheticDraft(i, i % 2 === 0 ? 2 : 1) : syntheticDraft(n + i),
  );
}
