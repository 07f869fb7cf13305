// Evidence: photos, videos or documents attached to a criterion, tagged with their kind, listed and removed.
import { Composer } from "grammy";
import { itemKey } from "../../../domain/readiness.js";
import type { PlacedCriterion } from "../../../domain/rubric.js";
import {
  type Assessment,
  canWorkOn,
  findApplication,
  isEditable,
  loadAssessment,
} from "../../../services/assessment.js";
import {
  addEvidence,
  EVIDENCE_MAX_BYTES,
  evidenceById,
  evidenceOf,
  removeEvidence,
  tagEvidence,
} from "../../../services/evidence.js";
import { clip } from "../../../text.js";
import { cb, onButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { HTML, replyLines } from "../../html.js";
import { th } from "../../i18n.js";
import { type Button, column, stack } from "../../keyboards.js";
import { applicationForCommand, loadForUser, saidFrozen } from "./access.js";

export const evidence = new Composer<BotContext>();

// Evidence: photos or documents attached to a criterion.

/** "Done" after sending evidence: back to the questions, or on to the next missing item. */
function evidenceDone(ctx: BotContext, a: Assessment, criterionId: string): Button {
  const data =
    ctx.session.fixing === a.app.id
      ? cb.fix(a.app.id, itemKey({ kind: "evidence", id: criterionId }))
      : cb.resume(a.app.id);
  return [ctx.t("btn-evidence-done"), data];
}

export async function askEvidence(ctx: BotContext, a: Assessment, criterion: PlacedCriterion) {
  ctx.session.step = "evidence";
  ctx.session.applicationId = a.app.id;
  ctx.session.evidenceFor = criterion.id;
  return ctx.reply(th(ctx, "evidence-ask", { id: criterion.id, title: criterion.title }), {
    ...HTML,
    reply_markup: column([evidenceDone(ctx, a, criterion.id)]),
  });
}

onButton(evidence, cb.evidence, async (ctx, app, criterionId) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  const criterion = loaded.a.criteria.find((c) => c.id === criterionId);
  if (!criterion) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  if (!isEditable(loaded.a.app))
    return ctx.answerCallbackQuery({
      text: th(ctx, "evidence-closed", { state: ctx.t(`state-${loaded.a.app.state}`) }),
      show_alert: true,
    });
  await ctx.answerCallbackQuery();
  return askEvidence(ctx, loaded.a, criterion);
});

/** The file of an evidence message: a photo (its largest size), a video (or round video) or any document. */
function evidenceFile(message: NonNullable<BotContext["message"]>) {
  const photo = message.photo?.at(-1);
  if (photo) return { file: photo, kind: "photo" as const, fileName: null, mimeType: "image/jpeg" };
  if (message.video_note)
    return { file: message.video_note, kind: "video" as const, fileName: null, mimeType: "video/mp4" };
  const media = message.video ?? message.document;
  if (!media) return undefined;
  return {
    file: media,
    kind: message.video ? ("video" as const) : ("document" as const),
    fileName: media.file_name ? clip(media.file_name, FILE_NAME_MAX) : null,
    mimeType: media.mime_type ?? null,
  };
}

/** Longest file name kept and shown (Telegram allows long ones; captions hold 1,024 characters). */
const FILE_NAME_MAX = 120;

evidence.on("message", async (ctx, next) => {
  if (ctx.session.step !== "evidence" || !ctx.session.evidenceFor) return next();
  const incoming = evidenceFile(ctx.message);
  // Text goes on to the handlers (a command, a question); other kinds are not evidence.
  if (!incoming) return ctx.message.text ? next() : ctx.reply(ctx.t("evidence-kinds"), HTML);
  const loaded = await loadForUser(ctx, ctx.session.applicationId);
  if (!loaded.ok) return;
  if (!isEditable(loaded.a.app)) {
    // Submitted meanwhile (perhaps by a member): the dossier is frozen until it is returned.
    ctx.session.step = undefined;
    ctx.session.evidenceFor = undefined;
    return ctx.reply(th(ctx, "evidence-closed", { state: ctx.t(`state-${loaded.a.app.state}`) }), HTML);
  }
  const size = incoming.file.file_size ?? 0;
  if (size > EVIDENCE_MAX_BYTES) return ctx.reply(ctx.t("evidence-too-big"), HTML);
  const saved = addEvidence(ctx.deps.db, {
    applicationId: loaded.a.app.id,
    criterionId: ctx.session.evidenceFor,
    fileId: incoming.file.file_id,
    fileUniqueId: incoming.file.file_unique_id,
    fileName: incoming.fileName,
    fileSize: size || null,
    mimeType: incoming.mimeType,
    kind: incoming.kind,
    addedBy: ctx.user!.id,
  });
  const criterion = loaded.a.criteria.find((c) => c.id === ctx.session.evidenceFor);
  const count = evidenceOf(ctx.deps.db, loaded.a).filter((e) => e.criterionId === ctx.session.evidenceFor).length;
  // The law's evidence table: the user may say which kind of document this is (optional).
  const kinds = (criterion?.evidence ?? []).map(
    (k, i): Button => [ctx.t(`evidence-${k}`), cb.evidenceKind(saved.id, i)],
  );
  await ctx.reply(
    th(ctx, kinds.length > 1 ? "evidence-saved-kind" : "evidence-saved", { id: ctx.session.evidenceFor, count }),
    {
      ...HTML,
      reply_markup: stack(
        column(kinds.length > 1 ? kinds : []),
        column([evidenceDone(ctx, loaded.a, ctx.session.evidenceFor)]),
      ),
    },
  );
  if (kinds.length === 1) tagEvidence(ctx.deps.db, saved.id, criterion!.evidence[0]!);
});

onButton(evidence, cb.evidenceKind, async (ctx, id, index) => {
  const row = evidenceById(ctx.deps.db, id);
  const a = row ? loadAssessment(ctx.deps.db, ctx.deps.catalog, row.applicationId) : undefined;
  const kind = a?.criteria.find((c) => c.id === row!.criterionId)?.evidence[index];
  if (!row || !a || !ctx.user || !canWorkOn(ctx.deps.db, ctx.user, a.app) || !kind) {
    return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
  }
  tagEvidence(ctx.deps.db, row.id, kind);
  await ctx.answerCallbackQuery({ text: ctx.t("evidence-tagged", { kind: ctx.t(`evidence-${kind}`) }) });
  return undefined;
});

evidence.command("minhchung", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  await saidFrozen(ctx, a);
  const files = evidenceOf(ctx.deps.db, a);
  if (files.length === 0) return ctx.reply(ctx.t("evidence-none"), HTML);
  const lines = [th(ctx, "evidence-list", { product: a.product.name })];
  files.forEach((f, i) => {
    lines.push(
      th(ctx, "evidence-line", { n: i + 1, id: f.criterionId, name: f.fileName ?? ctx.t(`evidence-kind-${f.kind}`) }),
    );
  });
  const removable = isEditable(a.app)
    ? files.map((f, i): Button => [ctx.t("btn-evidence-remove", { n: i + 1 }), cb.removeEvidence(f.id)])
    : [];
  return replyLines(ctx, lines, removable.length ? { reply_markup: column(removable) } : {});
});

onButton(evidence, cb.removeEvidence, async (ctx, id) => {
  const removed = ctx.user
    ? removeEvidence(ctx.deps.db, id, (appId) => {
        const found = findApplication(ctx.deps.db, appId);
        return !!found && canWorkOn(ctx.deps.db, ctx.user!, found.application) && isEditable(found.application);
      })
    : false;
  await ctx.answerCallbackQuery({ text: ctx.t(removed ? "evidence-removed" : "stale-button") });
  if (removed) await ctx.editMessageReplyMarkup();
});
