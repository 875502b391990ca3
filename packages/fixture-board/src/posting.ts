import { hash32, Prng } from "./prng";
import { escapeHtml, slugify } from "./text";
import {
  BENEFITS,
  COMPANIES,
  EXPERIENCES,
  FIELDS,
  HOSTILE_DESCRIPTION,
  HOSTILE_TITLE_SUFFIX,
  LEVELS,
  POSTED_LABELS,
  PROVINCES,
  type Province,
  SALARIES,
  TITLE_SUFFIXES,
  UPDATED_LABELS,
  WORKING_TIMES,
} from "./vocabulary";

/**
 * One job posting of the board, as served: the ground truth a test compares a crawl with. Field names follow the
 * crawler's `ListingCard` / `JobDetail` so a test can compare them directly.
 */
export interface BoardPosting {
  external_id: string;
  /** Canonical absolute URL (no tracking parameters). */
  url: string;
  template: "standard" | "brand";
  brand: string | null;
  title: string;
  company: string;
  company_url: string;
  logo_url: string;
  salary_text: string;
  /** As on the card: "Hà Nội", "Hồ Chí Minh, Hà Nội" or "Hà Nội & 2 nơi khác". */
  location_text: string;
  /** As on the detail page: "Hà Nội: Quận Cầu Giấy". */
  locations: string[];
  experience: string;
  level: string;
  /** dd/mm/yyyy */
  deadline_text: string;
  /** Card text of `label.label-update`, e.g. "Đăng 2 ngày trước". */
  updated_label: string;
  /** Its tooltip, e.g. "Cập nhật 2 giờ trước". */
  updated_tooltip: string;
  /** All tags of the posting. */
  tags: string[];
  /** The tags as the card shows them in `.tag .item-tag` (at most three, then a truncated fourth). */
  card_tags: string[];
  description_html: string;
  requirements_html: string;
  benefits_html: string;
  working_time_html: string;
  company_size: string;
  company_address: string;
  /** Title and description carry script/handler/javascript:/CSS payloads. */
  hostile: boolean;
}

export interface PostingOptions {
  seed: number;
  origin: string;
  /** Share of postings (0..1) that are hostile. */
  hostileShare: number;
}

const DEADLINE_BASE = Date.UTC(2026, 4, 1);
const DAY_MS = 86_400_000;

function pickProvince(prng: Prng): Province {
  const total = PROVINCES.reduce((sum, p) => sum + p.weight, 0);
  let roll = prng.next() * total;
  for (const province of PROVINCES) {
    roll -= province.weight;
    if (roll < 0) return province;
  }
  return PROVINCES[0] as Province;
}

function listHtml(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>`;
}

function ddmmyyyy(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The tags as a card prints them: three links, then the fourth cut to 7 characters + "...". */
export function cardTags(tags: readonly string[]): string[] {
  const shown = tags.slice(0, 3);
  const fourth = tags[3];
  if (fourth !== undefined) shown.push(fourth.length > 7 ? `${fourth.slice(0, 7)}...` : fourth);
  return shown;
}

/** The posting with this id: a pure function of (seed, id). */
export function generatePosting(id: number, options: PostingOptions): BoardPosting {
  const prng = new Prng(hash32(options.seed, `posting:${id}`));
  const field = prng.pick(FIELDS);
  const company = prng.pick(COMPANIES);
  const hostile = options.hostileShare > 0 && prng.next() < options.hostileShare;
  const title = `${prng.pick(field.titles)}${prng.pick(TITLE_SUFFIXES)}${hostile ? HOSTILE_TITLE_SUFFIX : ""}`;
  const slug = slugify(title);

  const isBrand = company.brand !== null && prng.chance(0.7);
  const template = isBrand ? "brand" : "standard";
  const url = isBrand
    ? `${options.origin}/brand/${company.brand}/tuyen-dung/${slug}-j${id}.html`
    : `${options.origin}/viec-lam/${slug}/${id}.html`;

  const placeCount = prng.chance(0.75) ? 1 : prng.chance(0.6) ? 2 : prng.int(3, 4);
  const places: Province[] = [];
  while (places.length < placeCount) {
    const p = pickProvince(prng);
    if (!places.some((q) => q.label === p.label)) places.push(p);
  }
  const locations = places.map((p) => `${p.label}: ${prng.pick(p.districts)}`);
  const first = places[0] as Province;
  const location_text =
    places.length === 1
      ? first.label
      : places.length === 2
        ? places.map((p) => p.label).join(", ")
        : `${first.label} & ${places.length - 1} nơi khác`;

  const tags = prng.sample(field.tags, prng.int(1, 5));
  const duties = prng.sample(field.duties, prng.int(3, field.duties.length));
  const requirements = prng.sample(field.requirements, prng.int(2, field.requirements.length));
  const benefits = prng.sample(BENEFITS, prng.int(2, 4));
  const description = listHtml(duties.map(escapeHtml));

  return {
    external_id: String(id),
    url,
    template,
    brand: isBrand ? company.brand : null,
    title,
    company: company.name,
    company_url: `${options.origin}/cong-ty/${company.slug}/${10_000 + COMPANIES.indexOf(company)}.html`,
    logo_url: `${options.origin}/static/company_logos/${company.slug}.png`,
    salary_text: prng.pick(SALARIES),
    location_text,
    locations,
    experience: prng.pick(EXPERIENCES),
    level: prng.pick(LEVELS),
    deadline_text: ddmmyyyy(DEADLINE_BASE + prng.int(0, 60) * DAY_MS),
    updated_label: `Đăng ${prng.pick(POSTED_LABELS)}`,
    updated_tooltip: `Cập nhật ${prng.pick(UPDATED_LABELS)}`,
    tags,
    card_tags: cardTags(tags),
    description_html: hostile ? `${description}${HOSTILE_DESCRIPTION}` : description,
    requirements_html: listHtml(requirements.map(escapeHtml)),
    benefits_html: listHtml(benefits.map(escapeHtml)),
    working_time_html: `<div class="job-description__item--content-list">${prng.pick(WORKING_TIMES)}</div>`,
    company_size: company.size,
    company_address: company.address,
    hostile,
  };
}
