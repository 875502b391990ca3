import { describe, expect, it } from "vitest";
import { goneReason } from "../../src/crawl/gone-page";

describe("what a closed posting's page looks like (goneReason)", () => {
  it.each([
    [404, "", "the page answers HTTP 404"],
    [410, "", "the page answers HTTP 410"],
    [
      200,
      "<h1>Kế toán</h1><div class='x'>Tin tuyển dụng đã hết hạn</div>",
      'the page says "tin tuyen dung da het han"',
    ],
    [200, "<p>We are no longer   accepting applications</p>", 'the page says "no longer accepting applications"'],
    [200, "<p>Hạn nộp hồ sơ: 30/12/2026</p>", null],
    [200, "<script>var s = 'Tin tuyển dụng đã hết hạn'</script><p>open</p>", null],
    [503, "", null],
  ] as const)("HTTP %i %s → %s", (status, body, reason) => {
    expect(goneReason(status, body)).toBe(reason);
  });

  it("reads a big page without folding all of it", () => {
    const filler = "<p>Mô tả công việc: kế toán tổng hợp, hạn nộp hồ sơ 30/12/2026</p>".repeat(20_000);
    expect(goneReason(200, filler)).toBeNull();
    expect(goneReason(200, `<div>Đã hết hạn nộp hồ sơ</div>${filler}`)).toBe('the page says "da het han nop ho so"');
  });
});
