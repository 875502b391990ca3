import { cutText } from "../normalize/text";
import { sanitizeHtml } from "../sanitize/html";

/**
 * Applies the stored-field maximums (POSTING_LIMITS in contracts) while a draft is built, and remembers which
 * fields were cut, by their stored column name ("description_html", "salary_raw"...), each once.
 */
export class FieldLimits {
  private readonly cut: string[] = [];

  /** The fields cut so far. */
  get truncated(): string[] {
    return [...this.cut];
  }

  private record(field: string): void {
    if (!this.cut.includes(field)) this.cut.push(field);
  }

  /** Plain text at most `max` characters: a longer one ends with "…" within the limit. */
  text(field: string, value: string, max: number): string;
  text(field: string, value: string | null, max: number): string | null;
  text(field: string, value: string | null, max: number): string | null {
    if (value === null || value.length <= max) return value;
    this.record(field);
    return cutText(value, max);
  }

  /** A list of at most `max` entries, each at most `maxEach` characters. */
  list(field: string, values: readonly string[], max: number, maxEach: number): string[] {
    if (values.length > max) this.record(field);
    return values.slice(0, max).map((value) => this.text(field, value, maxEach));
  }

  /** A link longer than `max` is dropped: a cut URL points nowhere. */
  link(field: string, value: string | null, max: number): string | null {
    if (value === null || value.length <= max) return value;
    this.record(field);
    return null;
  }

  /**
   * Sanitised HTML at most `max` characters: cut and sanitised again, so the cut closes its open tags and leaves
   * no half tag (sanitising may add closing tags, hence the second, shorter try).
   */
  html(field: string, value: string | null, max: number): string | null {
    if (value === null || value.length <= max) return value;
    this.record(field);
    let end = max;
    for (let attempt = 0; attempt < 4; attempt++) {
      const cut = sanitizeHtml(value.slice(0, end));
      if (cut.length <= max) return cut === "" ? null : cut;
      end -= cut.length - max + 1024;
    }
    return null;
  }
}
