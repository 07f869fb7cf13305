// Telegram's HTML parse mode: every user- or data-supplied string goes through escapeHtml.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;
