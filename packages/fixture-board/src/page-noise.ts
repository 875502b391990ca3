/**
 * The head/script noise real TopCV pages carry (tracking snippets, inline state, styles): about 1 MB a listing page.
 * Parsers and fetchers must cope with it, so the board pads its pages with similar noise up to a target weight.
 */
const SNIPPETS: readonly string[] = [
  `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config","G-FIXTURE0");</script>`,
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Fixture Board","potentialAction":{"@type":"SearchAction","target":"/tim-viec-lam-{search_term_string}","query-input":"required name=search_term_string"}}</script>`,
  `<style>.job-item-search-result{position:relative;display:flex;padding:12px;border:1px solid #e9eaec;border-radius:8px}.job-item-search-result:hover{border-color:#00b14f}.title-salary{color:#00b14f;font-weight:600}</style>`,
  `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[]}(window,document,'script');</script>`,
  `<script>window.app=window.app||{};app.currentRouteName="jobs.search";app.featureFlags={"new_search":true,"job_alert":true,"quick_view":true};</script>`,
  `<svg style="display:none" xmlns="http://www.w3.org/2000/svg"><symbol id="icon-location" viewBox="0 0 24 24"><path d="M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 010-5 2.5 2.5 0 010 5z"/></symbol></svg>`,
];

const cache = new Map<number, { head: string; tail: string }>();

/** Noise of about `bytes` bytes in total, a third for the head and the rest for the end of the body. */
export function pageNoise(bytes: number): { head: string; tail: string } {
  const size = Math.max(0, Math.floor(bytes));
  const cached = cache.get(size);
  if (cached) return cached;
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  while (length < size) {
    const snippet = `${SNIPPETS[i % SNIPPETS.length]}\n`;
    parts.push(snippet);
    length += snippet.length;
    i++;
  }
  const all = parts.join("").slice(0, size);
  // cut on a snippet boundary so no tag is left open
  const cutAt = (text: string) => text.slice(0, text.lastIndexOf("\n") + 1);
  const headLength = Math.floor(all.length / 3);
  const head = cutAt(all.slice(0, headLength));
  const cut = cutAt(all.slice(head.length));
  // whitespace makes up the bytes the cuts took off, so the page weighs exactly what was asked
  const tail = cut + " ".repeat(Math.max(0, size - head.length - cut.length));
  const noise = { head, tail };
  if (cache.size > 16) cache.clear();
  cache.set(size, noise);
  return noise;
}
