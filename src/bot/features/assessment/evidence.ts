// Evidence: photos, videos or documents attached to a criterion, tagged with their kind, listed and removed.

import { itemKey } from "../../../domain/readiness.js";
import type { PlacedCriterion } from "../../../domain/rubric.js";
import { type Assessment, isEditable } from "../../../services/assessment.js";
import { clip } from "../../../text.js";
import { cb, onButton } from "../../callback-data.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { staleButtonText } from "../../hints.js";
import { HTML, replyLines } from "../../html.js";
import { th } from "../../i18n.js";
import { type Button, column, stack } from "../../keyboards.js";
import { applicationForCommand, loadForUser, saidFrozen } from "./access.js";

export const evidence = new Composer<BotContext>();

// Evidence: photos or documents attached to a criterion.

/** "Done" after sending evidence: back to the questions, or on to the next missing item. */
function evidenceDone(ctx: BotContext, app: number, criterionId: string): Button {
  const data =
    ctx.session.fixing === app ? cb.fix(app, itemKey({ kind: "evidence", id: criterionId })) : cb.resume(app);
  return [ctx.t("btn-evidence-done"), data];
}

export async function askEvidence(ctx: BotContext, a: Assessment, criterion: PlacedCriterion) {
  ctx.session.step = "evidence";
  ctx.session.applicationId = a.app.id;
  ctx.session.evidenceFor = criterion.id;
  return ctx.reply(th(ctx, "evidence-ask", { id: criterion.id, title: criterion.title }), {
    ...HTML,
    reply_markup: column([evidenceDone(ctx, a.app.id, criterion.id)]),
  });
}

onButton(evidence, cb.evidence, async (ctx, app, criterionId) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  const criterion = loaded.a.criteria.find((c) => c.id === criterionId);
  if (!criterion) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
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
  const criterionId = ctx.session.evidenceFor;
  const saved = ctx.services.evidence.add(ctx.user?.id, ctx.session.applicationId, criterionId, {
    fileId: incoming.file.file_id,
    fileUniqueId: incoming.file.file_unique_id,
    fileName: incoming.fileName,
    fileSize: incoming.file.file_size || null,
    mimeType: incoming.mimeType,
    kind: incoming.kind,
  });
  if (!saved.ok) {
    switch (saved.reason) {
      case "not-editable":
        // Submitted meanwhile (perhaps by a member): the dossier is frozen until it is returned.
        ctx.session.step = undefined;
        ctx.session.evidenceFor = undefined;
        return ctx.reply(th(ctx, "evidence-closed", { state: ctx.t(`state-${saved.state}`) }), HTML);
      case "too-big":
        return ctx.reply(ctx.t("evidence-too-big"), HTML);
      default:
        ctx.log.warn({ appId: ctx.session.applicationId }, "refused evidence for an application");
        return ctx.reply(staleButtonText(ctx), HTML);
    }
  }
  // The law's evidence table: the user may say which kind of document this is (optional).
  const kinds = saved.kinds.map((k, i): Button => [ctx.t(`evidence-${k}`), cb.evidenceKind(saved.file.id, i)]);
  await ctx.reply(
    th(ctx, saved.duplicate ? "evidence-duplicate" : kinds.length > 1 ? "evidence-saved-kind" : "evidence-saved", {
      id: criterionId,
      count: saved.count,
    }),
    {
      ...HTML,
      reply_markup: stack(
        column(kinds.length > 1 ? kinds : []),
        column([evidenceDone(ctx, saved.file.applicationId, criterionId)]),
      ),
    },
  );
});

onButton(evidence, cb.evidenceKind, async (ctx, id, index) => {
  const tagged = ctx.services.evidence.tag(ctx.user?.id, id, index);
  if (!tagged.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery({ text: ctx.t("evidence-tagged", { kind: ctx.t(`evidence-${tagged.kind}`) }) });
  return undefined;
});

evidence.command("minhchung", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  await saidFrozen(ctx, a);
  const listed = ctx.services.evidence.list(ctx.user?.id, a.app.id);
  if (!listed.ok) return ctx.reply(staleButtonText(ctx), HTML);
  const { files } = listed;
  if (files.length === 0) return ctx.reply(ctx.t("evidence-none"), HTML);
  const lines = [th(ctx, "evidence-list", { product: a.product.name })];
  files.forEach((f, i) => {
    lines.push(
      th(ctx, "evidence-line", { n: i + 1, id: f.criterionId, name: f.fileName ?? ctx.t(`evidence-kind-${f.kind}`) }),
    );
  });
  const removable = listed.removable
    ? files.map((f, i): Button => [ctx.t("btn-evidence-remove", { n: i + 1 }), cb.removeEvidence(f.id)])
    : [];
  return replyLines(ctx, lines, removable.length ? { reply_markup: column(removable) } : {});
});

onButton(evidence, cb.removeEvidence, async (ctx, id) => {
  const removed = ctx.services.evidence.remove(ctx.user?.id, id).ok;
  await ctx.answerCallbackQuery({ text: ctx.t(removed ? "evidence-removed" : "stale-button") });
  if (removed) await ctx.editMessageReplyMarkup();
});
