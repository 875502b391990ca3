import { describe, expect, test } from "vitest";
import { safeHtml } from "./safe-html";

describe("safeHtml", () => {
  test("keeps plain formatting and text", () => {
    expect(safeHtml("<p>Mô tả <strong>công việc</strong></p><ul><li>Python</li></ul>")).toBe(
      "<p>Mô tả <strong>công việc</strong></p><ul><li>Python</li></ul>",
    );
  });

  test("drops scripts, styles, iframes and event handlers", () => {
    const html =
      '<p onclick="alert(1)">Hi<script>window.pwned = 1</script></p><img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe><style>body{display:none}</style>';
    expect(safeHtml(html)).toBe("<p>Hi</p>");
  });

  test("links keep only an http(s) href and open safely", () => {
    expect(safeHtml('<a href="javascript:alert(1)" style="x">click</a>')).toBe("<a>click</a>");
    expect(safeHtml('<a href="https://www.topcv.vn/cong-ty" class="x">TopCV</a>')).toBe(
      '<a href="https://www.topcv.vn/cong-ty" target="_blank" rel="noopener noreferrer nofollow">TopCV</a>',
    );
  });

  test("unknown tags are unwrapped, their text kept", () => {
    expect(safeHtml("<section><font color=red>Quyền lợi</font></section>")).toBe("Quyền lợi");
  });

  test("parsing happens in an inert document: nothing runs while cleaning", () => {
    const marker = globalThis as { pwned?: number };
    safeHtml('<img src="x" onerror="window.pwned = 2"><svg onload="window.pwned = 3"></svg>');
    expect(marker.pwned).toBeUndefined();
  });
});
