// Evidence on the web: the files of an application by criterion, adding one (the phone offers its
// camera or its files), saying what a file proves, removing one while the application can change,
// and downloading any of them (the producer's, the commune officers', the administrators').
// Uploads are kept in FILES_DIR under their SHA-256 (the same photo twice is stored once); the
// evidence row names them "web:<sha256>". Files sent on Telegram are fetched through the Bot API
// once, then kept beside them.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PlacedCriterion } from "../../domain/rubric.js";
import { type Assessment, isEditable } from "../../services/assessment.js";
import { EVIDENCE_MAX_BYTES, type Evidence, webFileId, webFilePath } from "../../services/evidence.js";
import { clip } from "../../text.js";
import type { WebDeps } from "../context.js";
import { localPath } from "../cookies.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, seeOther, sendPage } from "../layout.js";
import { contentDisposition, idParam, messagePage, notFound } from "../pages.js";

/** Longest file name kept and shown (as on Telegram). */
const FILE_NAME_MAX = 120;

/** What an upload is, from its first bytes (never from what the browser says). */
interface Detected {
  mimeType: string;
  kind: "photo" | "document";
  ext: string;
}

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString("latin1");

/** Office documents by their name's extension, inside a ZIP (OOXML, OpenDocument) or an OLE container (97–2003). */
const ZIP_DOCUMENTS: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};
const OLE_DOCUMENTS: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

/**
 * What the file chooser offers: photos (the phone offers its camera too; no `capture`, which would
 * open only the camera), PDF and the office documents above.
 */
const ACCEPTED = ["image/*", "application/pdf", ...Object.values(ZIP_DOCUMENTS), ...Object.values(OLE_DOCUMENTS)]
  .concat([...Object.keys(ZIP_DOCUMENTS), ...Object.keys(OLE_DOCUMENTS)].map((ext) => `.${ext}`))
  .join(",");

/**
 * The kinds of evidence the web takes, as the bot does: photos (JPEG, PNG, WebP, GIF, HEIC) and
 * documents (PDF, Word, Excel, PowerPoint, OpenDocument). Anything else: undefined.
 */
export function detectUpload(b: Buffer, fileName: string): Detected | undefined {
  const photo = (mimeType: string, ext: string): Detected => ({ mimeType, kind: "photo", ext });
  if (startsWith(b, [0xff, 0xd8, 0xff])) return photo("image/jpeg", "jpg");
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return photo("image/png", "png");
  if (ascii(b, 0, 4) === "GIF8") return photo("image/gif", "gif");
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return photo("image/webp", "webp");
  if (ascii(b, 4, 8) === "ftyp" && ["heic", "heix", "mif1", "msf1", "heim", "heis"].includes(ascii(b, 8, 12)))
    return photo("image/heic", "heic");
  if (ascii(b, 0, 5) === "%PDF-") return { mimeType: "application/pdf", kind: "document", ext: "pdf" };
  const ext = /\.([a-z]{3,4})$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && ZIP_DOCUMENTS[ext])
    return { mimeType: ZIP_DOCUMENTS[ext], kind: "document", ext };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && OLE_DOCUMENTS[ext])
    return { mimeType: OLE_DOCUMENTS[ext], kind: "document", ext };
  return undefined;
}

/** Where a web file (by its SHA-256) or the copy of a Telegram file (by its unique id) is kept. */
export function storedPath(filesDir: string, f: Pick<Evidence, "fileId" | "fileUniqueId">): string {
  return (
    webFilePath(filesDir, f.fileId) ?? join(filesDir, `tg-${createHash("sha256").update(f.fileUniqueId).digest("hex")}`)
  );
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Writes a file whole or not at all (a temporary name, then renamed); true when it was not there before. */
async function keep(filesDir: string, path: string, content: Buffer): Promise<boolean> {
  if (await exists(path)) return false;
  await mkdir(filesDir, { recursive: true });
  const temporary = join(filesDir, `.upload-${randomUUID()}`);
  await writeFile(temporary, content);
  await rename(temporary, path);
  return true;
}

/** The name a file is downloaded under: its own, else the criterion and the kind. */
function downloadName(f: Evidence): string {
  if (f.fileName) return f.fileName;
  const ext =
    f.kind === "photo" ? "jpg" : f.mimeType === "application/pdf" ? "pdf" : f.kind === "video" ? "mp4" : "bin";
  return `${f.criterionId}-${f.id}.${ext}`;
}

/** The path of a criterion's upload page, with where "Done" leads back to. */
const uploadPath = (appId: number, criterionId: string, back?: string) =>
  `/a/${appId}/evidence/${encodeURIComponent(criterionId)}${back ? `?back=${encodeURIComponent(back)}` : ""}`;

export function evidenceRoutes(app: FastifyInstance, deps: WebDeps): void {
  /** The file's label: its name, or its kind. */
  const fileLabel = (req: FastifyRequest, f: Evidence) =>
    f.fileName ?? req.visitor.text(f.kind === "photo" ? "evidence-kind-photo" : "evidence-kind-document");

  /** The application no longer takes files (filed, or closed): what the bot says, and the way back. */
  const closed = (req: FastifyRequest, reply: FastifyReply, appId: number, state: string) =>
    messagePage(req, reply, {
      status: 409,
      title: req.visitor.text("web-dossier-evidence-title"),
      message: req.visitor.t("evidence-closed", { state: req.visitor.text(`state-${state}`) }),
      back: `/a/${appId}/evidence`,
    });

  /** A refused upload: why, and the form again. */
  const refusedUpload = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    key: string,
    appId: number,
    criterionId: string,
    back?: string,
  ) =>
    messagePage(req, reply, {
      status,
      title: req.visitor.text("web-dossier-upload-refused-title"),
      message: req.visitor.t(key, { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }),
      back: uploadPath(appId, criterionId, back),
    });

  const fileItem = (req: FastifyRequest, f: Evidence, removable: boolean): Html => {
    const { text } = req.visitor;
    return html`<li><a href="/evidence/${f.id}" hx-boost="false">${fileLabel(req, f)}</a>
${f.evidenceKind ? html`<span class="hint"> · ${text(`evidence-${f.evidenceKind}`)}</span>` : ""}
${removable ? actionButton(req, `/evidence/${f.id}/remove`, text("web-dossier-evidence-remove"), {}, "danger") : ""}</li>`;
  };

  const criterionCard = (
    req: FastifyRequest,
    a: Assessment,
    c: PlacedCriterion,
    files: Evidence[],
    removable: boolean,
  ): Html => {
    const { text, t } = req.visitor;
    const kinds = c.evidence.map((k) => text(`evidence-${k}`)).join("; ");
    return html`<section class="card" id="c-${c.id}">
<p><b>${c.id}. ${c.title}</b></p>
${kinds ? html`<p class="hint">${t("web-dossier-evidence-expected", { kinds })}</p>` : ""}
${files.length ? html`<ul class="list">${files.map((f) => fileItem(req, f, removable))}</ul>` : html`<p class="hint">${text("web-dossier-evidence-no-file")}</p>`}
${removable ? linkButton(uploadPath(a.app.id, c.id), text("web-dossier-evidence-add")) : ""}
</section>`;
  };

  // The application's files, criterion by criterion.
  app.get<{ Params: { id: string } }>("/a/:id/evidence", (req, reply) => {
    const appId = idParam(req.params.id);
    const listed = appId === undefined ? undefined : deps.services.evidence.list(req.visitor.actor, appId);
    if (!listed?.ok) return notFound(req, reply);
    const { assessment: a, files, removable } = listed;
    const { t, text } = req.visitor;
    const shown = a.criteria.filter((c) => c.evidence.length > 0 || files.some((f) => f.criterionId === c.id));
    const stray = files.filter((f) => !a.criteria.some((c) => c.id === f.criterionId));
    const frozen = !isEditable(a.app);
    return sendPage(req, reply, {
      title: text("web-dossier-evidence-title"),
      body: html`<p class="msg">${t("evidence-list", { product: a.product.name })}</p>
${frozen ? html`<p class="notice msg">${t("evidence-closed", { state: text(`state-${a.app.state}`) })}</p>` : ""}
${removable ? html`<p class="hint">${t("web-dossier-evidence-how", { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 })}</p>` : ""}
${shown.map((c) =>
  criterionCard(
    req,
    a,
    c,
    files.filter((f) => f.criterionId === c.id),
    removable,
  ),
)}
${stray.length ? html`<ul class="list">${stray.map((f) => fileItem(req, f, removable))}</ul>` : ""}
<nav class="menu">${
        // The producer's (or member's) status page; an officer's way back is their view of it.
        deps.services.applications.status(req.visitor.actor, a.app.id).ok
          ? linkButton(`/a/${a.app.id}/status`, text("web-dossier-to-status"))
          : linkButton(`/officer/a/${a.app.id}`, text("web-officer-back-app"))
      }</nav>`,
    });
  });

  // One criterion: its files, the upload form, and after an upload what the file proves.
  app.get<{
    Params: { id: string; criterionId: string };
    Querystring: { saved?: string; back?: string; again?: string };
  }>("/a/:id/evidence/:criterionId", (req, reply) => {
    const appId = idParam(req.params.id);
    const listed = appId === undefined ? undefined : deps.services.evidence.list(req.visitor.actor, appId);
    if (!listed?.ok) return notFound(req, reply);
    const { assessment: a, files } = listed;
    const criterion = a.criteria.find((c) => c.id === req.params.criterionId);
    if (!criterion) return notFound(req, reply);
    if (!listed.removable) return isEditable(a.app) ? notFound(req, reply) : closed(req, reply, a.app.id, a.app.state);
    const { t, text, csrf } = req.visitor;
    const back = req.query.back ? localPath(req.query.back) : undefined;
    const mine = files.filter((f) => f.criterionId === criterion.id);
    const savedId = idParam(req.query.saved);
    const saved = mine.find((f) => f.id === savedId);
    const kinds = criterion.evidence;
    const action = `${uploadPath(a.app.id, criterion.id, back)}${back ? "&" : "?"}_csrf=${encodeURIComponent(csrf)}`;
    const tagButtons =
      saved && kinds.length > 1
        ? html`<p>${text("web-dossier-evidence-which-kind")}</p><div class="options">${kinds.map((k, i) =>
            actionButton(
              req,
              `/evidence/${saved.id}/kind`,
              text(`evidence-${k}`),
              { index: i, ...(back ? { back } : {}) },
              saved.evidenceKind === k ? "primary" : "secondary",
            ),
          )}</div>`
        : "";
    return sendPage(req, reply, {
      title: text("web-dossier-evidence-for-title", { id: criterion.id }),
      body: html`${saved ? html`<p class="notice msg">${t(req.query.again ? "evidence-duplicate" : "web-dossier-evidence-saved", { id: criterion.id, count: mine.length })}${saved.evidenceKind ? html`<br>${t("evidence-tagged", { kind: text(`evidence-${saved.evidenceKind}`) })}` : ""}</p>${tagButtons}` : ""}
<p><b>${criterion.id}. ${criterion.title}</b></p>
${kinds.length ? html`<p class="hint">${t("web-dossier-evidence-expected", { kinds: kinds.map((k) => text(`evidence-${k}`)).join("; ") })}</p>` : ""}
${mine.length ? html`<ul class="list">${mine.map((f) => fileItem(req, f, true))}</ul>` : ""}
<form method="post" action="${action}" enctype="multipart/form-data">
<label for="file">${text("web-dossier-evidence-choose")}</label>
<input type="file" id="file" name="file" accept="${ACCEPTED}" required>
<p class="hint">${t("web-dossier-evidence-how", { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 })}</p>
<button type="submit" class="btn primary">${text("web-dossier-evidence-send")}</button>
</form>
<nav class="menu">${linkButton(back ?? `/a/${a.app.id}/evidence`, text("btn-evidence-done"))}</nav>`,
    });
  });

  // The upload: checked (size, kind from the content) before anything is kept.
  app.post<{ Params: { id: string; criterionId: string }; Querystring: { back?: string } }>(
    "/a/:id/evidence/:criterionId",
    async (req, reply) => {
      const appId = idParam(req.params.id);
      const actor = req.visitor.actor;
      const listed = appId === undefined ? undefined : deps.services.evidence.list(actor, appId);
      if (!listed?.ok || appId === undefined) return notFound(req, reply);
      const a = listed.assessment;
      const criterion = a.criteria.find((c) => c.id === req.params.criterionId);
      if (!criterion) return notFound(req, reply);
      if (!listed.removable) return isEditable(a.app) ? notFound(req, reply) : closed(req, reply, appId, a.app.state);
      const back = req.query.back ? localPath(req.query.back) : undefined;
      const refused = (status: number, key: string) =>
        refusedUpload(req, reply, status, key, appId, criterion.id, back);

      let content: Buffer;
      let name: string;
      try {
        const part = await req.file();
        if (!part) return refused(400, "web-dossier-evidence-empty");
        content = await part.toBuffer();
        if (part.file.truncated) return refused(413, "web-dossier-evidence-too-big");
        name = part.filename;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === "FST_REQ_FILE_TOO_LARGE") return refused(413, "web-dossier-evidence-too-big");
        if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") return refused(400, "web-dossier-evidence-empty");
        throw err;
      }
      if (content.length === 0) return refused(400, "web-dossier-evidence-empty");
      if (content.length > EVIDENCE_MAX_BYTES) return refused(413, "web-dossier-evidence-too-big");
      const detected = detectUpload(content, name);
      if (!detected) return refused(415, "web-dossier-evidence-wrong-type");

      const sha = createHash("sha256").update(content).digest("hex");
      const fileId = webFileId(sha);
      const path = storedPath(deps.filesDir, { fileId, fileUniqueId: fileId });
      const created = await keep(deps.filesDir, path, content);
      const baseName = name.replace(/^.*[\\/]/, "").trim();
      const saved = deps.services.evidence.add(actor, appId, criterion.id, {
        fileId,
        fileUniqueId: fileId,
        fileName: clip(baseName || `${criterion.id}.${detected.ext}`, FILE_NAME_MAX),
        fileSize: content.length,
        mimeType: detected.mimeType,
        kind: detected.kind,
      });
      if (!saved.ok) {
        if (created) await rm(path, { force: true });
        if (saved.reason === "not-editable") return closed(req, reply, appId, saved.state);
        if (saved.reason === "too-big") return refused(413, "web-dossier-evidence-too-big");
        return notFound(req, reply);
      }
      const to = uploadPath(appId, criterion.id, back);
      return seeOther(reply, `${to}${back ? "&" : "?"}saved=${saved.file.id}${saved.duplicate ? "&again=1" : ""}`);
    },
  );

  // What a file proves (the law's table), when its criterion names several kinds.
  app.post<{ Params: { evidenceId: string }; Body: { index?: string; back?: string } }>(
    "/evidence/:evidenceId/kind",
    (req, reply) => {
      const id = idParam(req.params.evidenceId);
      const index = Number(req.body.index);
      if (id === undefined || !Number.isSafeInteger(index) || index < 0) return notFound(req, reply);
      const tagged = deps.services.evidence.tag(req.visitor.actor, id, index);
      const found = tagged.ok ? deps.services.evidence.file(req.visitor.actor, id) : undefined;
      if (!found?.ok) return notFound(req, reply);
      const back = req.body.back ? localPath(req.body.back) : undefined;
      const to = uploadPath(found.file.applicationId, found.file.criterionId, back);
      return seeOther(reply, `${to}${back ? "&" : "?"}saved=${id}`);
    },
  );

  // Removing a file while the application can change.
  app.post<{ Params: { evidenceId: string } }>("/evidence/:evidenceId/remove", (req, reply) => {
    const id = idParam(req.params.evidenceId);
    const found = id === undefined ? undefined : deps.services.evidence.file(req.visitor.actor, id);
    if (!found?.ok || id === undefined) return notFound(req, reply);
    const removed = deps.services.evidence.remove(req.visitor.actor, id);
    const appId = found.file.applicationId;
    if (!removed.ok) {
      if (removed.reason !== "not-editable") return notFound(req, reply);
      const state = deps.services.evidence.list(req.visitor.actor, appId);
      return closed(req, reply, appId, state.ok ? state.assessment.app.state : "submitted");
    }
    return seeOther(reply, `/a/${appId}/evidence#c-${found.file.criterionId}`);
  });

  // Downloading a file: for whoever may list its application's files.
  app.get<{ Params: { evidenceId: string } }>("/evidence/:evidenceId", async (req, reply) => {
    const id = idParam(req.params.evidenceId);
    const found = id === undefined ? undefined : deps.services.evidence.file(req.visitor.actor, id);
    if (!found?.ok) return notFound(req, reply);
    const f = found.file;
    const web = webFilePath(deps.filesDir, f.fileId) !== undefined;
    const path = storedPath(deps.filesDir, f);
    const back = `/a/${f.applicationId}/evidence`;
    const { t, text } = req.visitor;
    if (!(await exists(path))) {
      if (web)
        return messagePage(req, reply, {
          status: 404,
          title: text("web-dossier-file-title"),
          message: t("web-dossier-file-missing"),
          back,
        });
      if (!deps.telegram)
        return messagePage(req, reply, {
          status: 404,
          title: text("web-dossier-file-title"),
          message: t("web-dossier-file-on-telegram"),
          back,
        });
      let content: Buffer;
      try {
        content = await deps.telegram.file(f.fileId);
      } catch (err) {
        deps.logger.warn({ err: String(err), evidence: f.id }, "evidence file not fetched from Telegram");
        return messagePage(req, reply, {
          status: 502,
          title: text("web-dossier-file-title"),
          message: t("web-dossier-file-telegram-failed"),
          back,
        });
      }
      await keep(deps.filesDir, path, content);
    }
    const size = (await stat(path)).size;
    // Photos (checked on upload, or re-encoded by Telegram) open in the browser; anything else is saved.
    const image = web ? (f.mimeType ?? "").startsWith("image/") : f.kind === "photo";
    const type = image
      ? web
        ? f.mimeType!
        : "image/jpeg"
      : web && f.mimeType
        ? f.mimeType
        : /^[\w.+-]+\/[\w.+-]+$/.test(f.mimeType ?? "")
          ? f.mimeType!
          : "application/octet-stream";
    return reply
      .header("content-type", type)
      .header("content-length", size)
      .header("content-disposition", contentDisposition(image ? "inline" : "attachment", downloadName(f)))
      .header("cache-control", "private, max-age=3600")
      .header("x-content-type-options", "nosniff")
      .send(createReadStream(path));
  });
}
