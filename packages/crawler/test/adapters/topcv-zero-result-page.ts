import { readSample } from "./samples";

/**
 * A TopCV search that matched nothing, RECONSTRUCTED (no capture of one was available) from the real page
 * topcv/listing-ke-toan-page1-of-112.html, as issue 17 describes the live answer: every real search page already
 * holds the "no suitable job" box (`div.none-suitable-job`, "Chưa tìm thấy việc làm phù hợp với yêu cầu của bạn")
 * and the "Việc làm có thể bạn sẽ quan tâm" heading (`div.interested-job`), both `style="display: none"`; on a
 * search without results TopCV shows them and the ~50 cards below are suggestions, marked
 * `data-box="SuggestJobBoxNoResult"` instead of `data-box="BoxSearchResult"`. The reconstruction makes exactly
 * those changes to the real markup, and (`withPagination: false`) drops the pagination.
 */
export function zeroResultPage({ withPagination }: { withPagination: boolean }): string {
  const page1Html = readSample("topcv/listing-ke-toan-page1-of-112.html");
  const shown = (html: string, box: string) => {
    const hidden = `<div class="${box} hidden-on-quick-view" style="display: none">`;
    if (html.split(hidden).length !== 2) throw new Error(`the real page no longer holds ${hidden} exactly once`);
    return html.replace(hidden, `<div class="${box} hidden-on-quick-view">`);
  };
  let html = shown(shown(page1Html, "none-suitable-job"), "interested-job");
  if (html.split('data-box="BoxSearchResult"').length !== 51) throw new Error("the real page has 50 result cards");
  html = html.replaceAll('data-box="BoxSearchResult"', 'data-box="SuggestJobBoxNoResult"');
  if (!withPagination) html = html.replace(/<nav class="box-pagination">[\s\S]*?<\/nav>/, "");
  return html;
}
