/**
 * Page N of a listing, learned from page 1's "next" link: the link to page 2 names the page somewhere (a query
 * parameter `page=2`, or a path segment `/page/2`, `/p-2`); the same URL with N there is page N. Null when the link
 * does not say 2 anywhere (the crawl then reads page 1 only rather than guess).
 */
export function pageUrlsFromNextLink(nextUrl: string): ((page: number) => string) | null {
  let next: URL;
  try {
    next = new URL(nextUrl);
  } catch {
    return null;
  }
  for (const [key, value] of next.searchParams) {
    if (value === "2") {
      return (page) => {
        const url = new URL(next.href);
        url.searchParams.set(key, String(page));
        return url.href;
      };
    }
  }
  const path = next.pathname;
  const matches = [...path.matchAll(/(?<![\d])2(?![\d])/g)];
  const last = matches.at(-1);
  if (last?.index === undefined) return null;
  const at = last.index;
  return (page) => {
    const url = new URL(next.href);
    url.pathname = `${path.slice(0, at)}${page}${path.slice(at + 1)}`;
    return url.href;
  };
}
