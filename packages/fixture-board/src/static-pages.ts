import { readFileSync } from "node:fs";
import { listingPath } from "./render-listing";
import { escapeHtml as e } from "./text";

/** The default robots.txt: everything is allowed but the apply pages under /ung-tuyen/ (what tests use as "disallowed"). */
export const DEFAULT_ROBOTS_TXT = `# Fixture board robots.txt: crawling is welcome, applying is not.
User-agent: *
Disallow: /ung-tuyen/
Allow: /

Sitemap: /sitemap.xml
`;

export function renderHome(origin: string, keywords: readonly string[]): string {
  const links = keywords
    .map(
      (k) =>
        `<li><a href="${origin}${listingPath(k, 1).replace(/&/g, "&amp;")}">Việc làm ${e(k.replace(/-/g, " "))}</a></li>`,
    )
    .join("\n");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Fixture Board - Tìm việc làm, tuyển dụng</title></head>
<body><div id="main"><h1>Tìm việc làm nhanh 24h, việc làm mới nhất</h1>
<form action="/tim-viec-lam" method="get"><input name="keyword" placeholder="Vị trí tuyển dụng"></form>
<ul class="hot-keywords">
${links}
</ul></div></body></html>
`;
}

export function renderNotFound(path: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404 - Không tìm thấy trang</title></head>
<body><div class="error-404"><h1>Không tìm thấy trang</h1><p>${e(path)}</p></div></body></html>
`;
}

export function renderApplyPage(): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Ứng tuyển</title></head>
<body><form class="apply-form"><input name="cv" type="file"></form></body></html>
`;
}

let challenge: string | null = null;

/** The real Cloudflare "Just a moment..." page TopCV answers blocked crawlers with (copied from shared/samples). */
export function challengePage(): string {
  challenge ??= readFileSync(new URL("./assets/cloudflare-challenge.html", import.meta.url), "utf8");
  return challenge;
}

const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Tiny stand-ins for the images, fonts, media, styles and scripts pages reference. */
export function staticAsset(path: string): { contentType: string; body: Buffer } | null {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  switch (ext) {
    case "png":
    case "jpg":
    case "jpeg":
    case "gif":
    case "webp":
    case "ico":
      return { contentType: ext === "ico" ? "image/x-icon" : "image/png", body: PNG_1X1 };
    case "woff2":
    case "woff":
    case "ttf":
      return { contentType: `font/${ext}`, body: Buffer.alloc(256, 0) };
    case "mp4":
    case "webm":
      return { contentType: `video/${ext}`, body: Buffer.alloc(1024, 0) };
    case "css":
      return { contentType: "text/css; charset=utf-8", body: Buffer.from(".job-item-search-result{margin:8px 0}\n") };
    case "js":
      return { contentType: "text/javascript; charset=utf-8", body: Buffer.from("window.fixture=true;\n") };
    default:
      return null;
  }
}
