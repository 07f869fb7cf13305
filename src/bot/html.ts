// Telegram's HTML parse mode: every user- or data-supplied string goes through escapeHtml. Text
// that grows with data is split below Telegram's 4,096 characters a message.
import type { Context } from "grammy";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = { parse_mode: "HTML" } as const;

/** Below Telegram's 4,096 characters, with room for what the client adds. */
export const MESSAGE_LIMIT = 3800;

/** Cuts a line of HTML at `limit` characters, never inside a tag or an entity. */
function cutLine(line: string, limit: number): string {
  if (line.length <= limit) return line;
  let cut = line.slice(0, limit - 1);
  const open = Math.max(cut.lastIndexOf("<"), cut.lastIndexOf("&"));
  if (open > cut.lastIndexOf(">") && open > cut.lastIndexOf(";")) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** A line that introduces the lines after it ("<b>Lịch sử:</b>"): its visible text ends with a colon. */
function isHeading(line: string): boolean {
  return /:\s*$/.test(line.replace(/<[^>]*>/g, ""));
}

/**
 * Groups lines into messages below `limit`, splitting only between lines; a heading that would end
 * a message starts the next one instead, with its entries.
 */
export function chunkLines(lines: string[], limit = MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = cutLine(raw, limit);
    if (current && current.length + line.length + 1 > limit) {
      const cut = current.lastIndexOf("\n");
      const tail = current.slice(cut + 1);
      // Carry the heading over unless it alone would still overflow with this line.
      if (cut > 0 && isHeading(tail) && tail.length + line.length + 1 <= limit) {
        chunks.push(current.slice(0, cut));
        current = tail;
      } else {
        chunks.push(current);
        current = "";
      }
    }
    current += (current ? "\n" : "") + line;
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

type ReplyOptions = Parameters<Context["reply"]>[1];

/**
 * Sends lines of HTML as one message, or several split between lines when they would pass
 * Telegram's limit; `other` (buttons…) goes with the last message. Every message that grows with
 * data (results, reviews, lists, timelines) is sent this way.
 */
export async function replyLines(
  ctx: Pick<Context, "reply">,
  lines: string[],
  other: ReplyOptions = {},
): Promise<void> {
  const chunks = chunkLines(lines);
  for (const [i, chunk] of chunks.entries()) {
    await ctx.reply(chunk, i === chunks.length - 1 ? { ...HTML, ...other } : HTML);
  }
}
