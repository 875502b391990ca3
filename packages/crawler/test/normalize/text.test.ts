import { describe, expect, it } from "vitest";
import { collapseSpaces, foldText, foldWords, slugify } from "../../src/normalize/text";

describe("foldText", () => {
  it.each([
    ["Thành phố Hồ Chí Minh", "thanh pho ho chi minh"],
    ["ĐÀ NẴNG", "da nang"],
    ["Đắk Lắk", "dak lak"],
    ["Thoả thuận", "thoa thuan"],
    ["Thỏa thuận", "thoa thuan"],
    ["  Hà\u00a0Nội \n\t ", "ha noi"],
    ["Kế toán tổng hợp", "ke toan tong hop"],
    // decomposed input (NFD) folds the same as precomposed
    ["Ha\u0300 Nô\u0323i", "ha noi"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe("foldWords", () => {
  it("turns punctuation runs into single spaces", () => {
    expect(foldWords("Bà Rịa-Vũng Tàu")).toBe("ba ria vung tau");
    expect(foldWords("TP.HCM")).toBe("tp hcm");
    expect(foldWords("--Kế   toán!!")).toBe("ke toan");
  });
});

describe("slugify", () => {
  it.each([
    ["Kế toán tổng hợp", "ke-toan-tong-hop"],
    ["Python Developer", "python-developer"],
    ["C++ / .NET", "c-net"],
    ["  Nhân viên   kinh doanh  ", "nhan-vien-kinh-doanh"],
    ["!!!", ""],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe("collapseSpaces", () => {
  it("keeps case and diacritics", () => {
    expect(collapseSpaces("  Hà \n Nội  ")).toBe("Hà Nội");
  });
});

describe("foldText's memory of short texts", () => {
  it("folds a text the same the first time, when remembered, after the memory was emptied, and past its length", () => {
    const label = "Địa điểm làm việc";
    expect(foldText(label)).toBe("dia diem lam viec");
    expect(foldText(label)).toBe("dia diem lam viec");
    for (let i = 0; i < 5000; i++) expect(foldText(`Mức lương ${i}`)).toBe(`muc luong ${i}`);
    expect(foldText(label)).toBe("dia diem lam viec");
    const long = `${"Hồ Chí Minh ".repeat(10)} Đà Nẵng`;
    expect(foldText(long)).toBe(`${"ho chi minh ".repeat(10).trim()} da nang`);
  });
});
