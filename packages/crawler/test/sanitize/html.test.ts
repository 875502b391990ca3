import { describe, expect, it } from "vitest";
import { sanitizeHtml, sanitizeHtmlOrNull } from "../../src/sanitize/html";
import { readParsedDetails } from "../adapters/samples";

describe("sanitizeHtml: hostile payloads", () => {
  it.each([
    ["<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ['<p onclick="steal()">x</p>', "<p>x</p>"],
    ["<img src=x onerror=alert(1)>", ""],
    ['<p>a<img src="x" onerror="alert(1)">b</p>', "<p>ab</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "<a>x</a>"],
    ['<a href=" javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', "<a>x</a>"],
    ['<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"],
    ['<a href="//evil.example/x">x</a>', "<a>x</a>"],
    ['<a href="/relative/path">x</a>', "<a>x</a>"],
    ['<div style="width: expression(alert(1))">css</div>', "<div>css</div>"],
    ['<p style="background:url(javascript:alert(1))">x</p>', "<p>x</p>"],
    ["<style>body{background:url(javascript:alert(1))}</style><p>x</p>", "<p>x</p>"],
    ["<svg onload=alert(1)><script>alert(2)</script><text>t</text></svg>after", "after"],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', ""],
    ["<math><mtext><script>alert(1)</script></mtext></math>ok", "ok"],
    ['<iframe src="https://evil.example"></iframe>ok', "ok"],
    ['<object data="x.swf"><param name=a value=b>fallback</object>ok', "ok"],
    ['<embed src="x.swf">ok', "ok"],
    ["<!-- <script>alert(1)</script> -->ok", "ok"],
    ['<form action="https://evil.example"><input name=a><button>go</button></form>', "go"],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">ok', "ok"],
    ['<base href="https://evil.example/">ok', "ok"],
    ["<noscript><p>hidden</p></noscript>ok", "ok"],
    ['<p class="x" id="y" data-a="b" title="t">x</p>', "<p>x</p>"],
    ["<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"],
    ['"><script>alert(1)</script>', '"&gt;'],
  ])("%j → %j", (dirty, clean) => {
    expect(sanitizeHtml(dirty)).toBe(clean);
  });
});

describe("sanitizeHtml: allowed markup", () => {
  it("keeps text markup", () => {
    const html =
      "<h3>T</h3><p>a<br>b <strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <u>u</u> <span>s</span></p>" +
      "<ul><li>1</li></ul><ol><li>2</li></ol><blockquote>q</blockquote><div>d</div>";
    expect(sanitizeHtml(html)).toBe(
      "<h3>T</h3><p>a<br />b <strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <u>u</u> <span>s</span></p>" +
        "<ul><li>1</li></ul><ol><li>2</li></ol><blockquote>q</blockquote><div>d</div>",
    );
  });

  it("keeps tables with their spans", () => {
    expect(
      sanitizeHtml(
        '<table border=1><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2" onmouseover="x()">t</td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">t</td></tr></tbody></table>',
    );
  });

  it("keeps http(s) and mailto links, marked nofollow noopener, and drops other link attributes", () => {
    expect(sanitizeHtml('<a href="https://topcv.vn/x?a=1&b=2" target="_blank" rel="opener" onclick="x">y</a>')).toBe(
      '<a href="https://topcv.vn/x?a=1&amp;b=2" rel="nofollow noopener">y</a>',
    );
    expect(sanitizeHtml('<a href="http://example.com">y</a>')).toBe(
      '<a href="http://example.com" rel="nofollow noopener">y</a>',
    );
    expect(sanitizeHtml('<a href="mailto:hr@example.com">mail</a>')).toBe(
      '<a href="mailto:hr@example.com" rel="nofollow noopener">mail</a>',
    );
  });

  it("keeps Vietnamese text as text", () => {
    expect(sanitizeHtml("<p>Lương 10 - 15 triệu &amp; thưởng</p>")).toBe("<p>Lương 10 - 15 triệu &amp; thưởng</p>");
  });
});

describe("sanitizeHtmlOrNull", () => {
  it.each([[null], [undefined], [""], ["   "], ["<p> </p><div>&nbsp;</div>"], ["<script>x</script>"], ["<img src=x>"]])(
    "%j → null",
    (html) => {
      expect(sanitizeHtmlOrNull(html)).toBeNull();
    },
  );
  it("returns the clean HTML when text is left", () => {
    expect(sanitizeHtmlOrNull("<p>x<script>y</script></p>")).toBe("<p>x</p>");
  });
});

describe("sanitizeHtml on the section HTML of 300 real TopCV details", () => {
  it("keeps all the text and leaves no attributes but href/rel/colspan/rowspan/scope", () => {
    const textOf = (html: string) =>
      html
        .replace(/<[^>]*>/g, " ")
        .replace(/&nbsp;|&#160;|\u00a0/g, " ")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/\s+/g, " ")
        .trim();
    let sections = 0;
    for (const row of readParsedDetails()) {
      for (const section of Object.values(row.detail_sections)) {
        if (!section.html) continue;
        sections++;
        const clean = sanitizeHtml(section.html);
        expect(textOf(clean)).toBe(textOf(section.html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")));
        const attributes = [...clean.matchAll(/<[a-z0-9]+\s+([a-z-]+)=/gi)].map((m) => m[1]);
        for (const attribute of attributes) expect(["href", "rel", "colspan", "rowspan", "scope"]).toContain(attribute);
        expect(clean).not.toMatch(/<(script|style|iframe|img|svg)/i);
      }
    }
    expect(sections).toBeGreaterThan(1500);
  });
});
