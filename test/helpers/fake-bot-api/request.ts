// Reading a Bot API request: query string, JSON, urlencoded or multipart bodies.
import type { IncomingMessage } from "node:http";
import { BOOLEAN_FIELDS, bad, JSON_FIELDS, NUMBER_FIELDS } from "./internals.js";
import type { UploadedFile } from "./types.js";

export function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value);
    } catch {
      return value; // the handler reports the parse error in Telegram's words
    }
  }
  if (NUMBER_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(key)) {
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0" || value === "") return false;
  }
  return value;
}

function parseDisposition(header: string): { name?: string; filename?: string } {
  const result: { name?: string; filename?: string } = {};
  const name = /;\s*name="([^"]*)"/i.exec(header) ?? /;\s*name=([^;\s]*)/i.exec(header);
  if (name) result.name = name[1];
  const star = /;\s*filename\*=(?:UTF-8|utf-8)''([^;]*)/.exec(header);
  if (star?.[1] !== undefined) {
    result.filename = decodeURIComponent(star[1]);
    return result;
  }
  const quoted = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted?.[1] !== undefined) result.filename = quoted[1].replace(/\\(.)/g, "$1");
  else {
    // grammY writes `filename=<raw name>` unquoted as the last parameter: take the rest of the line.
    const raw = /;\s*filename=(.*)$/i.exec(header);
    if (raw?.[1] !== undefined) result.filename = raw[1].trim();
  }
  return result;
}

export function parseMultipart(
  body: Buffer,
  boundary: string,
): { fields: Record<string, string>; files: UploadedFile[] } {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  const partDelimiter = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw bad("can't parse multipart/form-data request");
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw bad("can't parse multipart/form-data request");
    const headers: Record<string, string> = {};
    for (const line of body.subarray(pos, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const contentStart = headerEnd + 4;
    const next = body.indexOf(partDelimiter, contentStart);
    if (next < 0) throw bad("can't parse multipart/form-data request");
    const content = body.subarray(contentStart, next);
    const disposition = parseDisposition(headers["content-disposition"] ?? "");
    if (disposition.name !== undefined) {
      if (disposition.filename !== undefined) {
        files.push({
          field: disposition.name,
          filename: disposition.filename,
          size: content.length,
          contentType: headers["content-type"] ?? "application/octet-stream",
          content: Buffer.from(content),
        });
      } else {
        fields[disposition.name] = content.toString("utf8");
      }
    }
    pos = next + partDelimiter.length;
  }
  return { fields, files };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
