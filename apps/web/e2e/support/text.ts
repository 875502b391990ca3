/** "Kế toán Đà Nẵng" → "ke toan da nang": what a user types without a Vietnamese keyboard. */
export function unaccent(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
