// Telegram's formatted text as the fake Bot API checks it: HTML (a port of tdlib's parse_html) and MarkdownV2.
import type { MessageEntity } from "grammy/types";
import { bad, type Json, utf8Bytes } from "./internals.js";

const HTML_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "tg-time",
  "span",
  "pre",
  "code",
  "blockquote",
]);

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\0" || c === "\v" || c === "\f";
}
function isAlpha(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}
function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}
function isHex(c: string): boolean {
  return isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");
}

/** Returns [codePoint, nextIndex] or undefined when not a supported entity. */
function decodeHtmlEntity(s: string, pos: number): [number, number] | undefined {
  const at = (i: number) => (i < s.length ? s[i]! : "\0");
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === "#") {
    end++;
    if (at(pos + 2) === "x") {
      end++;
      while (isHex(at(end))) code = code * 16 + parseInt(at(end++), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + Number(at(end++));
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
    const c = named[name];
    if (c === undefined) return undefined;
    code = c;
  }
  return [code, at(end) === ";" ? end + 1 : end];
}

export function parseHtml(s: string, strict = true): ParsedText {
  const fail = (msg: string) => bad(`can't parse entities: ${msg}`);
  const byteOffset = (i: number) => utf8Bytes(s.slice(0, i));
  const at = (i: number) => (i < s.length ? s[i]! : "\0");
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: Array<{ tag: string; argument: string; offset: number; beginPos: number }> = [];

  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "&") {
      const decoded = decodeHtmlEntity(s, i);
      if (decoded) {
        out += String.fromCodePoint(decoded[0]);
        i = decoded[1] - 1;
        continue;
      }
      if (strict) {
        throw fail(
          `Unsupported HTML entity at byte offset ${byteOffset(i)} (the fake Bot API is stricter than Telegram here: escape "&" as "&amp;")`,
        );
      }
    }
    if (c !== "<") {
      out += c;
      continue;
    }
    const begin = i++;
    if (at(i) !== "/") {
      while (i < s.length && !isSpace(at(i)) && at(i) !== ">") i++;
      if (i >= s.length) throw fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const tag = s.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
      let argument = "";
      while (at(i) !== ">") {
        while (i < s.length && isSpace(at(i))) i++;
        if (at(i) === ">") break;
        const attrBegin = i;
        while (i < s.length && !isSpace(at(i)) && !"=>/\"'".includes(at(i))) i++;
        const attr = s.slice(attrBegin, i);
        if (attr === "") throw fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(begin)}`);
        while (i < s.length && isSpace(at(i))) i++;
        if (at(i) !== "=") {
          if (i >= s.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
          if (tag === "blockquote" && attr === "expandable") argument = "1";
          continue;
        }
        i++;
        while (i < s.length && isSpace(at(i))) i++;
        if (i >= s.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
        let value = "";
        if (at(i) !== "'" && at(i) !== '"') {
          const tokenBegin = i;
          while (i < s.length && (isAlpha(at(i)) || isDigit(at(i)) || at(i) === "." || at(i) === "-")) i++;
          value = s.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== ">") {
            throw fail(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
          }
        } else {
          const quote = s[i++]!;
          while (i < s.length && at(i) !== quote) {
            if (at(i) === "&") {
              const decoded = decodeHtmlEntity(s, i);
              if (decoded) {
                value += String.fromCodePoint(decoded[0]);
                i = decoded[1];
                continue;
              }
            }
            value += s[i++]!;
          }
          if (at(i) === quote) i++;
        }
        if (i >= s.length) throw fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (tag === "a" && attr === "href") argument = value;
        else if (tag === "code" && attr === "class" && value.startsWith("language-")) argument = value.slice(9);
        else if (tag === "span" && attr === "class" && value.startsWith("tg-")) argument = value.slice(3);
        else if (tag === "tg-emoji" && attr === "emoji-id") argument = value;
        else if (tag === "blockquote" && attr === "expandable") argument = "1";
      }
      if (tag === "span" && argument !== "spoiler") {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      stack.push({ tag, argument, offset: out.length, beginPos: out.length });
    } else {
      if (stack.length === 0) throw fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      while (i < s.length && !isSpace(at(i)) && at(i) !== ">") i++;
      const endTag = s.slice(begin + 2, i).toLowerCase();
      while (i < s.length && isSpace(at(i))) i++;
      if (at(i) !== ">") throw fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const top = stack[stack.length - 1]!;
      if (endTag !== "" && endTag !== top.tag) {
        throw fail(
          `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.tag}>", found "</${endTag}>"`,
        );
      }
      const length = out.length - top.offset;
      if (length > 0) {
        const offset = top.offset;
        const t = top.tag;
        const simple: Record<string, MessageEntity["type"]> = {
          i: "italic",
          em: "italic",
          b: "bold",
          strong: "bold",
          s: "strikethrough",
          strike: "strikethrough",
          del: "strikethrough",
          u: "underline",
          ins: "underline",
          "tg-spoiler": "spoiler",
          span: "spoiler",
        };
        const type = simple[t];
        if (type) entities.push({ type, offset, length } as MessageEntity);
        else if (t === "a") {
          const url = top.argument || out.slice(top.beginPos);
          entities.push({ type: "text_link", offset, length, url } as MessageEntity);
        } else if (t === "pre") entities.push({ type: "pre", offset, length } as MessageEntity);
        else if (t === "code") {
          const prev = entities[entities.length - 1];
          if (prev && prev.type === "pre" && prev.offset === offset && prev.length === length && top.argument) {
            (prev as unknown as Json).language = top.argument;
          } else entities.push({ type: "code", offset, length } as MessageEntity);
        } else if (t === "blockquote") {
          entities.push({
            type: top.argument ? "expandable_blockquote" : "blockquote",
            offset,
            length,
          } as MessageEntity);
        } else if (t === "tg-emoji") {
          if (!/^[1-9]\d*$/.test(top.argument)) throw fail("Invalid custom emoji identifier specified");
          entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: top.argument } as MessageEntity);
        }
      }
      stack.pop();
    }
  }
  if (stack.length > 0) {
    throw fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.tag}"`);
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

/**
 * MarkdownV2: only the commonest mistake is checked (an unescaped reserved character), and the
 * displayed text is approximated by stripping markers. Prefer HTML in this project.
 */
function parseMarkdownV2(s: string): ParsedText {
  let out = "";
  let inCode = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\") {
      out += s[i + 1] ?? "";
      i++;
      continue;
    }
    if (c === "`") {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out += c;
      continue;
    }
    const lineStart = i === 0 || s[i - 1] === "\n";
    if (".!#+-={}".includes(c) || (c === ">" && !lineStart)) {
      throw bad(`can't parse entities: Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    if ("*_~|[]>".includes(c)) continue;
    if (c === "(" && s[i - 1] === "]") {
      const close = s.indexOf(")", i);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === "(" || c === ")") {
      throw bad(`can't parse entities: Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += c;
  }
  return { text: out, entities: [] };
}

export function parseFormatted(
  source: string,
  parseMode: unknown,
  explicitEntities: unknown,
  strict: boolean,
): ParsedText {
  if (parseMode === undefined || parseMode === null || parseMode === "") {
    const entities = Array.isArray(explicitEntities) ? (explicitEntities as MessageEntity[]) : [];
    return { text: source, entities };
  }
  const mode = String(parseMode).toLowerCase();
  if (mode === "html") return parseHtml(source, strict);
  if (mode === "markdownv2") return parseMarkdownV2(source);
  if (mode === "markdown") return { text: source.replace(/[*_`]/g, ""), entities: [] };
  throw bad(`unsupported parse_mode`);
}
