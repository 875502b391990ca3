import { PROVINCE_BEFORE_2025, PROVINCES, provinceSchema } from "@jobsync/contracts";
import { describe, expect, it } from "vitest";
import { canonicalProvince, normalizeLocations } from "../../src/normalize/location";
import { readParsedDetails } from "../adapters/samples";

describe("the 34 provinces since 2025-07-01", () => {
  it("lists 34 unique provinces", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES).size).toBe(34);
  });

  it("maps all 63 former provinces, each to one of the 34, and every one of the 34 is reached", () => {
    const old = Object.keys(PROVINCE_BEFORE_2025);
    expect(old).toHaveLength(63);
    for (const target of Object.values(PROVINCE_BEFORE_2025)) expect(PROVINCES).toContain(target);
    expect(new Set(Object.values(PROVINCE_BEFORE_2025)).size).toBe(34);
  });

  it("has the official mergers", () => {
    const merged = (province: string) =>
      Object.entries(PROVINCE_BEFORE_2025)
        .filter(([, to]) => to === province)
        .map(([from]) => from)
        .sort();
    expect(merged("Hồ Chí Minh")).toEqual(["Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"]);
    expect(merged("Hải Phòng")).toEqual(["Hải Dương", "Hải Phòng"]);
    expect(merged("Bắc Ninh")).toEqual(["Bắc Giang", "Bắc Ninh"]);
    expect(merged("Phú Thọ")).toEqual(["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"]);
    expect(merged("Ninh Bình")).toEqual(["Hà Nam", "Nam Định", "Ninh Bình"]);
    expect(merged("Lâm Đồng")).toEqual(["Bình Thuận", "Lâm Đồng", "Đắk Nông"]);
    expect(merged("Cần Thơ")).toEqual(["Cần Thơ", "Hậu Giang", "Sóc Trăng"]);
    expect(merged("Vĩnh Long")).toEqual(["Bến Tre", "Trà Vinh", "Vĩnh Long"]);
    expect(merged("Đà Nẵng")).toEqual(["Quảng Nam", "Đà Nẵng"]);
    expect(merged("Huế")).toEqual(["Thừa Thiên Huế"]);
    expect(merged("Hà Nội")).toEqual(["Hà Nội"]);
    // eleven provinces were not merged
    const unchanged = PROVINCES.filter((p) => merged(p).length === 1);
    expect(unchanged).toHaveLength(11);
  });

  it("validates a province name", () => {
    expect(provinceSchema.safeParse("Hà Nội").success).toBe(true);
    expect(provinceSchema.safeParse("Bình Dương").success).toBe(false);
  });
});

describe("canonicalProvince", () => {
  it.each([
    ["Hà Nội", "Hà Nội"],
    ["Ha Noi", "Hà Nội"],
    ["Hanoi", "Hà Nội"],
    ["HÀ NỘI", "Hà Nội"],
    ["Thành phố Hà Nội", "Hà Nội"],
    ["TP. Hà Nội", "Hà Nội"],
    ["Hà Nội: Quận Nam Từ Liêm", "Hà Nội"],
    ["Hồ Chí Minh", "Hồ Chí Minh"],
    ["TP.HCM", "Hồ Chí Minh"],
    ["TP HCM", "Hồ Chí Minh"],
    ["TPHCM", "Hồ Chí Minh"],
    ["HCM", "Hồ Chí Minh"],
    ["Sài Gòn", "Hồ Chí Minh"],
    ["Ho Chi Minh City", "Hồ Chí Minh"],
    ["Thành phố Hồ Chí Minh", "Hồ Chí Minh"],
    ["Tp. Hồ Chí Minh", "Hồ Chí Minh"],
    ["Bình Dương", "Hồ Chí Minh"],
    ["Tỉnh Bình Dương", "Hồ Chí Minh"],
    ["Bà Rịa-Vũng Tàu", "Hồ Chí Minh"],
    ["Bà Rịa - Vũng Tàu", "Hồ Chí Minh"],
    ["Vũng Tàu", "Hồ Chí Minh"],
    ["Hải Dương", "Hải Phòng"],
    ["Bắc Giang", "Bắc Ninh"],
    ["Thái Bình", "Hưng Yên"],
    ["Nam Định", "Ninh Bình"],
    ["Hà Nam", "Ninh Bình"],
    ["Vĩnh Phúc", "Phú Thọ"],
    ["Hoà Bình", "Phú Thọ"],
    ["Yên Bái", "Lào Cai"],
    ["Hà Giang", "Tuyên Quang"],
    ["Bắc Kạn", "Thái Nguyên"],
    ["Bắc Cạn", "Thái Nguyên"],
    ["Quảng Bình", "Quảng Trị"],
    ["Quảng Nam", "Đà Nẵng"],
    ["Da Nang", "Đà Nẵng"],
    ["Kon Tum", "Quảng Ngãi"],
    ["Bình Định", "Gia Lai"],
    ["Phú Yên", "Đắk Lắk"],
    ["Dak Lak", "Đắk Lắk"],
    ["Ninh Thuận", "Khánh Hòa"],
    ["Khánh Hoà", "Khánh Hòa"],
    ["Đắk Nông", "Lâm Đồng"],
    ["Bình Thuận", "Lâm Đồng"],
    ["Bình Phước", "Đồng Nai"],
    ["Long An", "Tây Ninh"],
    ["Sóc Trăng", "Cần Thơ"],
    ["Hậu Giang", "Cần Thơ"],
    ["Bến Tre", "Vĩnh Long"],
    ["Trà Vinh", "Vĩnh Long"],
    ["Tiền Giang", "Đồng Tháp"],
    ["Bạc Liêu", "Cà Mau"],
    ["Kiên Giang", "An Giang"],
    ["Thừa Thiên Huế", "Huế"],
    ["Thừa Thiên - Huế", "Huế"],
    ["Huế", "Huế"],
    ["Thanh Hoá", "Thanh Hóa"],
    ["Cao Bằng (mới)", "Cao Bằng"],
  ])("%j → %j", (text, expected) => {
    expect(canonicalProvince(text)).toBe(expected);
  });

  it("maps every former and current province name, with and without accents", () => {
    for (const [old, province] of Object.entries(PROVINCE_BEFORE_2025)) {
      expect(canonicalProvince(old)).toBe(province);
      expect(
        canonicalProvince(
          old
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .replace(/đ/gi, "d"),
        ),
      ).toBe(province);
    }
    for (const province of PROVINCES) expect(canonicalProvince(province)).toBe(province);
  });

  it.each([
    "",
    "Toàn Quốc",
    "Nước ngoài",
    "Nước Ngoài",
    "Remote",
    "Quận 1",
    "Phường Tây Mỗ",
    "Đường Long An",
    "Tokyo",
    "???",
  ])("%j → null", (text) => {
    expect(canonicalProvince(text)).toBeNull();
  });
});

describe("normalizeLocations", () => {
  it.each([
    [["Hà Nội"], ["Hà Nội"], 0],
    [["Hà Nội & 2 nơi khác"], ["Hà Nội"], 2],
    [["Hồ Chí Minh & 1 nơi khác"], ["Hồ Chí Minh"], 1],
    [["Hà Nội: Quận Nam Từ Liêm"], ["Hà Nội"], 0],
    [["Hồ Chí Minh, Hà Nội"], ["Hồ Chí Minh", "Hà Nội"], 0],
    [["Hồ Chí Minh: Quận 4\nHà Nội: Hai Bà Trưng"], ["Hồ Chí Minh", "Hà Nội"], 0],
    [["Hồ Chí Minh: Quận 7, Quận 2"], ["Hồ Chí Minh"], 0],
    [["- Hà Nội: Phường Tây Mỗ (quận Nam Từ Liêm cũ)"], ["Hà Nội"], 0],
    [["Bình Dương: Thủ Dầu Một", "Hồ Chí Minh: Quận 1"], ["Hồ Chí Minh"], 0],
    [["Bà Rịa-Vũng Tàu: Châu Đức"], ["Hồ Chí Minh"], 0],
    [["Hà Nội", "Hà Nội: Số 5 Phạm Hùng, Phường Cầu Giấy"], ["Hà Nội"], 0],
    [["Toàn Quốc"], [], 0],
    [["Nước ngoài"], [], 0],
    [["Quận 1"], [], 0],
    [["somewhere & more"], [], 0],
    [[""], [], 0],
    [[], [], 0],
    [["Tầng 12, Số 164 Khuất Duy Tiến, Quận Thanh Xuân, Thành phố Hà Nội, Việt Nam"], ["Hà Nội"], 0],
    // ITviec: one job in several cities, " - " between them; "Others" / "Khác" name no province
    [["Ho Chi Minh - Ha Noi"], ["Hồ Chí Minh", "Hà Nội"], 0],
    [["TP Hồ Chí Minh - Hà Nội - Đà Nẵng"], ["Hồ Chí Minh", "Hà Nội", "Đà Nẵng"], 0],
    [["Ha Noi - Others"], ["Hà Nội"], 0],
    [["Hà Nội - Khác"], ["Hà Nội"], 0],
    [["Others"], [], 0],
    [["Khác"], [], 0],
    [["Da Nang – Ho Chi Minh"], ["Đà Nẵng", "Hồ Chí Minh"], 0],
    [["Binh Duong - Dong Nai - Ha Noi"], ["Hồ Chí Minh", "Đồng Nai", "Hà Nội"], 0],
    [["Ha Noi - Ho Chi Minh - Ha Noi"], ["Hà Nội", "Hồ Chí Minh"], 0],
    // a name with " - " in it is one place, and " - " inside an address after ":" is not a list of cities
    [["Bà Rịa - Vũng Tàu"], ["Hồ Chí Minh"], 0],
    [["Thừa Thiên - Huế - Quảng Trị"], ["Huế", "Quảng Trị"], 0],
    [["Hà Nội: Tầng 5 - Tòa nhà Đà Nẵng Tower, Cầu Giấy"], ["Hà Nội"], 0],
    [["Hồ Chí Minh - Quận 1"], ["Hồ Chí Minh"], 0],
    // TopCV's tooltip of "Hồ Chí Minh & 2 nơi khác", one place per line or " / "
    [["Hồ Chí Minh: Quận 12 / Đà Nẵng: Hải Châu / Hà Nội: Cầu Giấy"], ["Hồ Chí Minh", "Đà Nẵng", "Hà Nội"], 0],
    [["Hồ Chí Minh: Quận 12", "Đà Nẵng: Hải Châu", "Hà Nội: Cầu Giấy"], ["Hồ Chí Minh", "Đà Nẵng", "Hà Nội"], 0],
  ])("%j", (texts, provinces, extra) => {
    expect(normalizeLocations(texts)).toEqual({ provinces, extra });
  });

  it("reads the locations of 300 real TopCV details", () => {
    const rows = readParsedDetails();
    let withProvince = 0;
    for (const row of rows) {
      const expected = [
        ...new Set(row.locations.map((l) => (l.split(":")[0] ?? "").trim()).filter((p) => p !== "Nước Ngoài")),
      ];
      const { provinces, extra } = normalizeLocations(row.locations);
      expect(provinces, row.url).toEqual(expected);
      expect(extra).toBe(0);
      if (provinces.length > 0) withProvince++;
    }
    expect(withProvince).toBeGreaterThan(290);
  });
});
