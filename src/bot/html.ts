// Telegram's HTML parse mode: every user- or data-supplied string goes through escapeHtml.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;

/** Telegram allows 4,096 characters a message: groups lines into messages below that. */
export function chunkLines(lines: string[], limit = 3800): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length + 1 > limit) {
      chunks.push(current);
      current = "";
    }
    current += (current ? "\n" : "") + line.slice(0, limit);
  }
  if (current) chunks.push(current);
  return chunks;
}
