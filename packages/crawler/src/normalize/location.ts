import { PROVINCE_BEFORE_2025, PROVINCES, type Province } from "@jobsync/contracts";
import { collapseSpaces, foldText, foldWords } from "./text";

/**
 * Location text → canonical provinces (the 34 since 2025-07-01). Old names map to the province they merged into
 * ("Bình Dương" → "Hồ Chí Minh"), aliases and missing accents are accepted ("TP.HCM", "Sài Gòn", "Hanoi").
 */

const EXTRA_ALIASES: Readonly<Record<string, Province>> = {
  hcm: "Hồ Chí Minh",
  hcmc: "Hồ Chí Minh",
  tphcm: "Hồ Chí Minh",
  "tp hcm": "Hồ Chí Minh",
  "sai gon": "Hồ Chí Minh",
  saigon: "Hồ Chí Minh",
  hochiminh: "Hồ Chí Minh",
  "ho chi minh city": "Hồ Chí Minh",
  hn: "Hà Nội",
  hanoi: "Hà Nội",
  "ha noi city": "Hà Nội",
  danang: "Đà Nẵng",
  haiphong: "Hải Phòng",
  cantho: "Cần Thơ",
  "thua thien hue": "Huế",
  "tt hue": "Huế",
  brvt: "Hồ Chí Minh",
  "vung tau": "Hồ Chí Minh",
  "ba ria": "Hồ Chí Minh",
  daklak: "Đắk Lắk",
  "dac lac": "Đắk Lắk",
  "dak lak": "Đắk Lắk",
  daknong: "Lâm Đồng",
  "dac nong": "Lâm Đồng",
  kontum: "Quảng Ngãi",
  "bac can": "Thái Nguyên",
};

/** Texts that name no province on purpose ("Toàn quốc", abroad, remote, ITviec's "Others" / "Khác"). */
const NO_PROVINCE = new Set([
  "toan quoc",
  "nuoc ngoai",
  "quoc te",
  "remote",
  "overseas",
  "abroad",
  "viet nam",
  "others",
  "other",
  "khac",
  "noi khac",
]);

const PREFIXES = /^(?:thanh pho|tp|t p|tinh|city of|province of)\s+/;
const SUFFIXES = /\s+(?:city|province|viet nam|vietnam|vn)$/;

const INDEX: ReadonlyMap<string, Province> = buildIndex();

function buildIndex(): Map<string, Province> {
  const index = new Map<string, Province>();
  for (const province of PROVINCES) index.set(foldWords(province), province);
  for (const [old, province] of Object.entries(PROVINCE_BEFORE_2025)) index.set(foldWords(old), province);
  for (const [alias, province] of Object.entries(EXTRA_ALIASES)) index.set(alias, province);
  return index;
}

function lookup(key: string): Province | null {
  return INDEX.get(key) ?? INDEX.get(key.replace(/ /g, "")) ?? null;
}

/**
 * The canonical province a text names, or null. Accepts "Thành phố"/"TP."/"Tỉnh" prefixes, missing accents,
 * old province names, and a "Province: district" form ("Hà Nội: Quận Nam Từ Liêm" → "Hà Nội").
 */
export function canonicalProvince(text: string): Province | null {
  const head = text.split(":")[0] ?? "";
  let key = foldWords(head.replace(/\([^)]*\)/g, " "));
  if (key === "" || NO_PROVINCE.has(key)) return null;
  for (let i = 0; i < 3; i++) {
    const found = lookup(key);
    if (found) return found;
    const stripped = key.replace(PREFIXES, "").replace(SUFFIXES, "");
    if (stripped === key) break;
    key = stripped;
  }
  return lookup(key);
}

export interface NormalizedLocations {
  /** Canonical provinces, unique, in the order first named. */
  provinces: Province[];
  /** Places the board hides behind "& N nơi khác" ("and N other places"). */
  extra: number;
}

const EXTRA_PLACES = /&\s*(\d+)\s+(.+)$/;
const EXTRA_WORDS = /^(?:noi khac|dia diem khac|tinh thanh khac|other)/;
const LINE_BREAKS = /\r?\n|<br\s*\/?>|;|\||\s\/\s/i;
/** ITviec joins the cities of one job with " - ": "Ho Chi Minh - Ha Noi - Others". */
const CITY_SEPARATOR = /\s[-–—]\s/;

/**
 * Many location texts → provinces and the count of places not named. Each text may hold several places
 * ("Hồ Chí Minh, Hà Nội", one per line or " / ", "Ho Chi Minh - Ha Noi", "Hà Nội & 2 nơi khác"); districts after
 * ":" are ignored; "Others" / "Khác" add none; unknown text names no province and never throws. A name that holds
 * " - " itself ("Bà Rịa - Vũng Tàu") is read whole first.
 */
export function normalizeLocations(texts: readonly string[]): NormalizedLocations {
  const provinces: Province[] = [];
  let extra = 0;
  for (const text of texts) {
    for (const rawLine of text.split(LINE_BREAKS)) {
      let line = collapseSpaces(rawLine).replace(/^[-•+*–\s]+/, "");
      const more = EXTRA_PLACES.exec(line);
      if (more?.[1] && more[2] && EXTRA_WORDS.test(foldText(more[2]))) {
        extra += Number(more[1]);
        line = line.slice(0, more.index);
      }
      const head = line.split(":")[0] ?? "";
      for (const part of head.split(/,|&/)) {
        const whole = canonicalProvince(part);
        const found = whole ? [whole] : part.split(CITY_SEPARATOR).map(canonicalProvince);
        for (const province of found) if (province && !provinces.includes(province)) provinces.push(province);
      }
    }
  }
  return { provinces, extra };
}
