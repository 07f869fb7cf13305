// Commune officers (and administrators): view an application with its evidence and history,
// receive it, request changes with a note, evaluate the four local criteria, forward it to the
// province, record the official result; /hoso lists their communes' applications, /xuat exports.

import { InputFile, InputMediaBuilder } from "grammy";
import { formatDate, isoDay, readTypedDay } from "../../dates.js";
import { type Action, availableActions } from "../../domain/lifecycle.js";
import type { LocalCriterion } from "../../domain/rubric.js";
import type { Assessment } from "../../services/assessment.js";
import { type CalibrationSummary, formatPoints } from "../../services/calibration.js";
import { type Evidence, webFilePath } from "../../services/evidence.js";
import { INBOX_FILTERS, type InboxFilter, type OfficerView, type WorkingDays } from "../../services/officer.js";
import { clip } from "../../text.js";
import { unitLabel } from "../../views/admin-units.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { staleButtonText } from "../hints.js";
import { escapeHtml, HTML, replyLines } from "../html.js";
import { negotiateLocale, th } from "../i18n.js";
import { type Button, column, grid, stack } from "../keyboards.js";
import { optionButton, optionLine } from "../options.js";
import { textSteps } from "../text-steps.js";
import { calibrationLines } from "./after-result.js";
import { explainRefusal, timelineLines } from "./status.js";

export const officerFeature = new Composer<BotContext>();

const PAGE_SIZE = 5;
/** Longest note an officer's message keeps (a return's reasons, remarks on a local criterion). */
const NOTE_MAX = 1000;

/** Says an application is not the user's to handle (as an old button would), and logs the attempt. */
async function refuseAccess(ctx: BotContext, appId: number | undefined): Promise<undefined> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  else await ctx.reply(staleButtonText(ctx), HTML);
  if (appId !== undefined) ctx.log.warn({ appId }, "refused officer access to an application");
  return undefined;
}

/** Loads an application the user may handle as an officer or administrator. */
async function loadForOfficer(ctx: BotContext, appId: number | undefined): Promise<Assessment | undefined> {
  const opened = ctx.services.officer.open(ctx.user?.id, appId);
  return opened.ok ? opened.assessment : refuseAccess(ctx, appId);
}

function daysLeftText(ctx: BotContext, days: WorkingDays | undefined): string {
  if (!days) return "";
  const deadline = formatDate(days.deadline);
  return days.left >= 0
    ? ctx.t("days-left", { days: days.left, deadline })
    : ctx.t("days-overdue", { days: -days.left, deadline });
}

function officerButtons(ctx: BotContext, a: Assessment): Button[] {
  const actions = availableActions(a.app.state, "officer");
  const map: Partial<Record<Action, Button>> = {
    receive: [ctx.t("btn-officer-receive"), cb.officerReceive(a.app.id)],
    return: [ctx.t("btn-officer-return"), cb.officerReturn(a.app.id)],
    evaluate: [ctx.t("btn-officer-evaluate"), cb.officerEvaluate(a.app.id)],
    forward: [ctx.t("btn-officer-forward"), cb.officerForward(a.app.id)],
    "record-result": [ctx.t("btn-officer-result"), cb.officerRecordResult(a.app.id)],
  };
  const points: Button[] = a.app.state === "rated" ? [[ctx.t("btn-official-points"), cb.officialPoints(a.app.id)]] : [];
  return [
    ...actions.flatMap((action) => (map[action] ? [map[action]!] : [])),
    ...points,
    [ctx.t("btn-officer-forms"), cb.officerForms(a.app.id)],
  ];
}

async function showApplication(ctx: BotContext, view: OfficerView) {
  const { assessment: a, score, producer, files, calibration } = view;
  const commune = a.app.communeCode ? ctx.deps.adminUnits.commune(a.app.communeCode) : undefined;
  const lines = [
    th(ctx, "officer-app-head", {
      product: a.product.name,
      set: a.sheet.productSetTitle,
      producer: producer.fullName,
      phone: producer.phone,
      commune: commune ? unitLabel(ctx.t, commune) : "",
      state: ctx.t(`state-${a.app.state}`),
    }),
    th(ctx, "officer-app-score", {
      a: score.parts.A?.points ?? 0,
      b: score.parts.B?.points ?? 0,
      c: score.parts.C?.points ?? 0,
      total: score.total,
      stars: score.stars,
      files: files.length,
    }),
  ];
  const days = daysLeftText(ctx, view.workingDays);
  if (days) lines.push(days);
  lines.push(th(ctx, "officer-app-rubric", { title: a.sheet.version.title }));
  if (calibration) lines.push(...calibrationLines(ctx, calibration));
  lines.push("");
  for (const part of a.sheet.version.parts) {
    lines.push(
      th(ctx, "review-part", {
        part: part.id,
        title: part.title,
        points: score.parts[part.id]!.points,
        max: part.maxPoints,
      }),
    );
    for (const c of a.criteria.filter((x) => x.part === part.id)) {
      const option = c.options.find((o) => o.id === a.answers[c.id]);
      lines.push(
        th(ctx, "officer-answer", {
          id: c.id,
          label: option?.label ?? "—",
          points: option?.points ?? 0,
          max: c.maxPoints,
        }),
      );
    }
  }
  const events = timelineLines(ctx, view.timeline);
  if (events.length) lines.push("", ...events);
  await replyLines(ctx, lines, { reply_markup: column(officerButtons(ctx, a)) });
  await sendEvidence(ctx, a, files);
}

/** Telegram's most files in one album. */
const ALBUM_SIZE = 10;

/**
 * The evidence as albums (photos and videos apart from documents, which Telegram does not mix), in rubric
 * order, each file captioned with its criterion: a few messages instead of one per file.
 */
async function sendEvidence(ctx: BotContext, a: Assessment, files: Evidence[]) {
  const caption = (f: Evidence) => {
    const title = a.criteria.find((c) => c.id === f.criterionId)?.title ?? "";
    const name = f.fileName ? `\n${escapeHtml(f.fileName.slice(0, 200))}` : "";
    return th(ctx, "officer-evidence-caption", { id: f.criterionId, title: title.slice(0, 300) }) + name;
  };
  const options = (f: Evidence) => ({ caption: caption(f), ...HTML });
  // A file uploaded on the web has no Telegram file id: it is sent as a document, from disk.
  const filesDir = ctx.deps.filesDir;
  const fromDisk = (f: Evidence) => (filesDir ? webFilePath(filesDir, f.fileId) : undefined);
  const document = (f: Evidence) => {
    const path = fromDisk(f);
    return path ? new InputFile(path, f.fileName ?? undefined) : f.fileId;
  };
  const isDocument = (f: Evidence) => f.kind === "document" || fromDisk(f) !== undefined;
  for (const group of ["visual", "document"] as const) {
    const ofKind = files.filter((f) => isDocument(f) === (group === "document"));
    // Even albums (11 files: 6 + 5, not 10 + 1): a lone file is sent on its own only when it is the only one.
    const size = Math.ceil(ofKind.length / Math.ceil(ofKind.length / ALBUM_SIZE));
    for (let i = 0; i < ofKind.length; i += size) {
      const album = ofKind.slice(i, i + size);
      if (album.length === 1) {
        const f = album[0]!;
        if (group === "document") await ctx.replyWithDocument(document(f), options(f));
        else if (f.kind === "photo") await ctx.replyWithPhoto(f.fileId, options(f));
        else await ctx.replyWithVideo(f.fileId, options(f));
      } else {
        await ctx.replyWithMediaGroup(
          group === "document"
            ? album.map((f) => InputMediaBuilder.document(document(f), options(f)))
            : album.map((f) =>
                f.kind === "video"
                  ? InputMediaBuilder.video(f.fileId, options(f))
                  : InputMediaBuilder.photo(f.fileId, options(f)),
              ),
        );
      }
    }
  }
}

onButton(officerFeature, cb.officerView, async (ctx, app) => {
  const view = ctx.services.officer.view(ctx.user?.id, app);
  if (!view.ok) return refuseAccess(ctx, app);
  await ctx.answerCallbackQuery();
  return showApplication(ctx, view);
});

async function doAction(ctx: BotContext, appId: number, action: "receive" | "forward") {
  const result = ctx.services.officer[action](ctx.user?.id, appId);
  if (!result.ok) {
    if (result.reason === "not-found") return refuseAccess(ctx, appId);
    if (result.reason === "local-missing")
      return ctx.answerCallbackQuery({ text: ctx.t("local-missing"), show_alert: true });
    return explainRefusal(ctx, result);
  }
  await ctx.answerCallbackQuery({ text: ctx.t(`done-${action}`) });
  await ctx.editMessageReplyMarkup();
  const fresh = result.assessment;
  const buttons = officerButtons(ctx, fresh);
  return ctx.reply(
    th(ctx, `officer-done-${action}`, { product: fresh.product.name, days: daysLeftText(ctx, result.workingDays) }),
    {
      ...HTML,
      ...(buttons.length ? { reply_markup: column(buttons) } : {}),
    },
  );
}

onButton(officerFeature, cb.officerReceive, (ctx, app) => doAction(ctx, app, "receive"));
onButton(officerFeature, cb.officerForward, (ctx, app) => doAction(ctx, app, "forward"));

onButton(officerFeature, cb.officerReturn, async (ctx, app) => {
  const a = await loadForOfficer(ctx, app);
  if (!a) return;
  if (!availableActions(a.app.state, "officer").includes("return")) {
    return explainRefusal(ctx, { ok: false, reason: "state", state: a.app.state });
  }
  await ctx.answerCallbackQuery();
  ctx.session.step = "officer-note";
  ctx.session.applicationId = a.app.id;
  return ctx.reply(th(ctx, "ask-return-note", { product: a.product.name }), HTML);
});

onButton(officerFeature, cb.officerEvaluate, async (ctx, app) => {
  const local = ctx.services.officer.localCriteria(ctx.user?.id, app);
  if (!local.ok) return local.reason === "state" ? explainRefusal(ctx, local) : refuseAccess(ctx, app);
  await ctx.answerCallbackQuery();
  const a = local.assessment;
  for (const { topic, criterion, options, producer, chosen } of local.criteria) {
    const lines = [
      th(ctx, "local-head", { topic: ctx.t(`local-${topic}`), id: criterion.id, title: criterion.title }),
      th(ctx, "local-producer", { label: producer?.label ?? "—", points: producer?.points ?? 0 }),
      "",
      // The rubric's ★ markers are the producer's concern, not the commune's evaluation.
      ...options.map((o, i) => optionLine(ctx, { ...o, marker: undefined }, i, chosen === o.id)),
    ];
    await ctx.reply(lines.join("\n"), {
      ...HTML,
      reply_markup: grid(
        options.map((o, i): Button => [optionButton(ctx, o, i), cb.localOption(a.app.id, topic, o.id)]),
        4,
      ),
    });
  }
  return undefined;
});

onButton(officerFeature, cb.localOption, async (ctx, appId, topic, optionId) => {
  const result = ctx.services.officer.evaluate(ctx.user?.id, appId, topic as LocalCriterion, optionId);
  if (!result.ok) {
    const text = result.reason === "state" ? ctx.t("local-wrong-state") : staleButtonText(ctx);
    return ctx.answerCallbackQuery({ text, show_alert: true });
  }
  await ctx.answerCallbackQuery({ text: ctx.t("local-saved") });
  await ctx.editMessageReplyMarkup();
  // Pressed again: already recorded, and its remarks were asked for the first time.
  if (result.unchanged) return undefined;
  // Mẫu 03 asks for the commune's own remarks on each local criterion: optional, one message.
  ctx.session.step = "officer-local-note";
  ctx.session.applicationId = appId;
  ctx.session.localTopic = topic;
  return ctx.reply(th(ctx, "ask-local-note", { topic: ctx.t(`local-${topic}`) }), {
    ...HTML,
    reply_markup: column([[ctx.t("btn-dossier-skip"), cb.localSkip(appId)]]),
  });
});

/** After a local criterion: what is left to evaluate, or the way to forward. */
async function localProgress(ctx: BotContext, appId: number) {
  ctx.session.step = undefined;
  ctx.session.localTopic = undefined;
  const progress = ctx.services.officer.localProgress(ctx.user?.id, appId);
  if (!progress.ok) return ctx.reply(staleButtonText(ctx), HTML);
  if (progress.remaining > 0) return ctx.reply(ctx.t("local-remaining", { count: progress.remaining }), HTML);
  return ctx.reply(ctx.t("local-all-done"), {
    ...HTML,
    reply_markup: column([[ctx.t("btn-officer-forward"), cb.officerForward(appId)]]),
  });
}

onButton(officerFeature, cb.localSkip, async (ctx, app) => {
  const a = await loadForOfficer(ctx, app);
  if (!a) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  return localProgress(ctx, a.app.id);
});

onButton(officerFeature, cb.officerRecordResult, async (ctx, app) => {
  const a = await loadForOfficer(ctx, app);
  if (!a) return;
  if (!availableActions(a.app.state, "officer").includes("record-result")) {
    return explainRefusal(ctx, { ok: false, reason: "state", state: a.app.state });
  }
  await ctx.answerCallbackQuery();
  return ctx.reply(th(ctx, "ask-result-stars", { product: a.product.name }), {
    ...HTML,
    reply_markup: grid(
      [1, 2, 3, 4, 5].map((n): Button => [`${n}★`, cb.stars(a.app.id, n)]),
      5,
    ),
  });
});

onButton(officerFeature, cb.stars, async (ctx, app, n) => {
  const a = await loadForOfficer(ctx, app);
  if (!a) return;
  if (!(n >= 1 && n <= 5)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  // Checked now, before the officer types a decision number for a result that cannot be recorded.
  if (!availableActions(a.app.state, "officer").includes("record-result")) {
    return explainRefusal(ctx, { ok: false, reason: "state", state: a.app.state });
  }
  await ctx.answerCallbackQuery();
  ctx.session.step = "officer-decision";
  ctx.session.applicationId = a.app.id;
  ctx.session.resultStars = n;
  return ctx.reply(ctx.t("ask-decision-number"), HTML);
});

/** Typed text for officers: the note of a return, the decision number and date of a result. */
async function handleOfficerText(ctx: BotContext, text: string): Promise<boolean> {
  const step = ctx.session.step;
  if (
    step !== "officer-note" &&
    step !== "officer-decision" &&
    step !== "officer-date" &&
    step !== "officer-local-note"
  )
    return false;
  const appId = ctx.session.applicationId ?? 0;
  if (step === "officer-local-note") {
    const saved = ctx.services.officer.noteLocal(
      ctx.user?.id,
      appId,
      ctx.session.localTopic as LocalCriterion,
      clip(text.trim(), NOTE_MAX),
    );
    if (!saved.ok) {
      ctx.session.step = undefined;
      await ctx.reply(staleButtonText(ctx), HTML);
      return true;
    }
    await accepted(ctx);
    await ctx.reply(ctx.t("local-note-saved"), HTML);
    await localProgress(ctx, appId);
    return true;
  }
  if (step === "officer-note") {
    if (text.trim().length < 5) {
      await ctx.reply(ctx.t("return-note-too-short"), HTML);
      return true;
    }
    const result = ctx.services.officer.returnToProducer(ctx.user?.id, appId, clip(text.trim(), NOTE_MAX));
    ctx.session.step = undefined;
    await accepted(ctx);
    if (!result.ok) await explainRefusal(ctx, result);
    else await ctx.reply(ctx.t("done-return"), HTML);
    return true;
  }
  if (step === "officer-decision") {
    const number = text.trim();
    if (number.length < 2 || number.length > 60) {
      await ctx.reply(ctx.t("ask-decision-number"), HTML);
      return true;
    }
    ctx.session.decisionNumber = number;
    ctx.session.step = "officer-date";
    await accepted(ctx);
    await ctx.reply(ctx.t("ask-decision-date"), HTML);
    return true;
  }
  const opened = ctx.services.officer.open(ctx.user?.id, appId);
  const submitted = opened.ok ? opened.assessment.app.submittedAt : undefined;
  const today = new Date();
  const typed = readTypedDay(text, { today, earliest: submitted });
  if (!typed.ok) {
    const key = {
      format: "invalid-decision-date",
      future: "date-in-future",
      "too-early": "decision-before-submission",
    }[typed.reason];
    await ctx.reply(
      ctx.t(key, { date: formatDate(typed.day), today: formatDate(today), submitted: formatDate(submitted) }),
      HTML,
    );
    return true;
  }
  const date = typed.day;
  const result = ctx.services.officer.recordResult(ctx.user?.id, appId, {
    stars: ctx.session.resultStars ?? 0,
    decisionNumber: ctx.session.decisionNumber ?? "",
    decisionDate: date,
  });
  ctx.session.step = undefined;
  ctx.session.resultStars = undefined;
  ctx.session.decisionNumber = undefined;
  await accepted(ctx);
  if (!result.ok) await explainRefusal(ctx, result);
  else {
    await ctx.reply(ctx.t("done-record-result"), {
      ...HTML,
      reply_markup: column([[ctx.t("btn-official-points"), cb.officialPoints(appId)]]),
    });
  }
  return true;
}

officerFeature.use(textSteps(handleOfficerText));

async function showList(ctx: BotContext, filter: InboxFilter, page: number) {
  const inbox = ctx.services.officer.inbox(ctx.user?.id, filter);
  if (!inbox.ok) return ctx.reply(ctx.t("officer-only"), HTML);
  const rows = inbox.applications;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const deadline = inbox.provinceDeadline;
  const lines = [
    th(ctx, "officer-list-head", { filter: ctx.t(`filter-${filter}`), count: rows.length, page: p + 1, pages }),
    ctx.t("province-deadline", { proposeBy: formatDate(deadline.proposeBy), ratedBy: formatDate(deadline.ratedBy) }),
    ...calibrationSummaryLines(ctx, inbox.calibration),
    "",
  ];
  const open: Button[] = [];
  rows.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).forEach((r, i) => {
    const n = p * PAGE_SIZE + i + 1;
    lines.push(
      th(ctx, "officer-list-line", {
        n,
        product: r.product,
        org: r.organisation,
        state: ctx.t(`state-${r.state}`),
      }) + (r.workingDays && r.state === "received" ? ` · ${escapeHtml(daysLeftText(ctx, r.workingDays))}` : ""),
    );
    open.push([`${n}. ${clip(r.product, 30)}`, cb.officerView(r.applicationId)]);
  });
  if (rows.length === 0) lines.push(ctx.t("officer-list-empty"));
  const nav: Button[] = [];
  if (p > 0) nav.push([ctx.t("btn-prev"), cb.officerList(filter, p - 1)]);
  if (p < pages - 1) nav.push([ctx.t("btn-next"), cb.officerList(filter, p + 1)]);
  const filters = INBOX_FILTERS.filter((f) => f !== filter).map(
    (f): Button => [ctx.t(`filter-${f}`), cb.officerList(f, 0)],
  );
  return replyLines(ctx, lines, { reply_markup: stack(column(open), grid(nav, 2), grid(filters, 3)) });
}

/** The average gap between self-assessment and the council's points over the communes' rated applications. */
function calibrationSummaryLines(ctx: BotContext, summary: CalibrationSummary | undefined): string[] {
  if (!summary) return [];
  const locale = negotiateLocale(ctx);
  const gaps = [
    ...summary.parts.map((p) => `${p.part} ${formatPoints(locale, p.gap, true)}`),
    ctx.t("calibration-summary-total", { gap: formatPoints(locale, summary.total, true) }),
  ];
  const lines = [ctx.t("calibration-summary", { count: summary.count, gaps: gaps.join(" · ") })];
  if (summary.byCommune.length > 1) {
    for (const c of summary.byCommune) {
      lines.push(
        th(ctx, "calibration-summary-commune", {
          commune: ctx.deps.adminUnits.commune(c.communeCode)?.name ?? c.communeCode,
          count: c.count,
          gap: formatPoints(locale, c.total, true),
        }),
      );
    }
  }
  return lines;
}

officerFeature.command("hoso", (ctx) => showList(ctx, "open", 0));

onButton(officerFeature, cb.officerList, async (ctx, filter, page) => {
  if (!INBOX_FILTERS.includes(filter as InboxFilter)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  return showList(ctx, filter as InboxFilter, page);
});

officerFeature.command("xuat", async (ctx) => {
  const exported = await ctx.services.exports.applications(ctx.user?.id, ctx.t);
  if (!exported.ok) return ctx.reply(ctx.t("officer-only"), HTML);
  return ctx.replyWithDocument(new InputFile(exported.workbook, `ho-so-ocop-${isoDay(new Date())}.xlsx`), {
    caption: ctx.t("export-caption"),
  });
});
