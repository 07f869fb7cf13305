// Text helpers shared by searches and input parsing.

/** Lower-case, without Vietnamese diacritics ("Cái Nước" → "cai nuoc"), spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u0110\u0111]/g, "d") // Đ đ do not decompose
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
