// The self-assessment: one question per message, answers saved before any reply, resume at the
// first unanswered question, and the walk through what is missing for filing; with its parts,
// the review and result (assessment/review.ts) and evidence files (assessment/evidence.ts).

import type { InlineKeyboard } from "grammy";
import { isStepItem, type MissingItem, nextStep, parseItemKey, type Readiness } from "../../domain/readiness.js";
import { type Option, optionsFor } from "../../domain/rubric.js";
import {
  type AnswerResult,
  type Assessment,
  answeredCount,
  assessmentScore,
  clearanceItem,
  clearanceKey,
  isAnswered,
  isClearanceKey,
  isEditable,
  nextQuestion,
  presumesBusinessRegistration,
  previousQuestion,
  type QuestionKey,
} from "../../services/assessment.js";
import { lacksBusinessRegistration } from "../../services/people.js";
import { fold } from "../../text.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { staleButtonText } from "../hints.js";
import { escapeHtml, HTML } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column, grid, stack } from "../keyboards.js";
import { optionButton, optionLine } from "../options.js";
import { textSteps } from "../text-steps.js";
import { loadForUser } from "./assessment/access.js";
import { askEvidence, evidence } from "./assessment/evidence.js";
import { review, showResult } from "./assessment/review.js";

export const assessmentFeature = new Composer<BotContext>();

function partTitle(a: Assessment, partId: string): string {
  return a.sheet.version.parts.find((p) => p.id === partId)?.title ?? partId;
}

/**
 * What a question shows, apart from the application it is asked for: its text, and the labels of
 * its answer buttons (with the data each answers), "attach evidence" when it takes evidence, Back
 * and Save-and-exit.
 */
interface QuestionView {
  text: string;
  answers: Array<[label: string, value: string | boolean]>;
  attach: string | undefined;
  back: string;
  saveExit: string;
}

/** The text and buttons of a question. */
function renderQuestion(ctx: BotContext, a: Assessment, key: QuestionKey): { text: string; keyboard: InlineKeyboard } {
  const view = questionView(ctx, a, key);
  const app = a.app.id;
  const answers = isClearanceKey(key)
    ? grid(
        view.answers.map(([label, holds]) => [label, cb.clearance(app, holds as boolean, clearanceItem(key))]),
        2,
      )
    : grid(
        view.answers.map(([label, option]) => [label, cb.answer(app, key, option as string)]),
        4,
      );
  const keyboard = stack(
    answers,
    column(view.attach ? [[view.attach, cb.evidence(app, key)]] : []),
    grid(
      [
        [view.back, cb.back(app, key)],
        [view.saveExit, cb.saveExit(app)],
      ],
      2,
    ),
  );
  return { text: view.text, keyboard };
}

/**
 * What `make` gives for a sheet and `id` (which must name everything else it depends on: the
 * locale, the case, the question…), made once: a sheet's texts do not change.
 */
function onceForSheet<T>(sheet: Assessment["sheet"], id: string, make: () => T): T {
  const made = madeForSheet.get(sheet) ?? new Map<string, unknown>();
  madeForSheet.set(sheet, made);
  if (!made.has(id)) made.set(id, make());
  return made.get(id) as T;
}

const madeForSheet = new WeakMap<Assessment["sheet"], Map<string, unknown>>();

/** The view of a question (see QuestionView); an unanswered one's is made once per sheet and locale. */
function questionView(ctx: BotContext, a: Assessment, key: QuestionKey): QuestionView {
  const householdLine =
    !isClearanceKey(key) &&
    presumesBusinessRegistration(a.criteria.find((c) => c.id === key)!, a.caseId) &&
    lacksBusinessRegistration(a.organisation);
  const make = () => makeQuestionView(ctx, a, key, householdLine);
  if (isAnswered(a, key)) return make();
  return onceForSheet(a.sheet, ["question", ctx.locale, a.caseId, key, householdLine].join("\n"), make);
}

function makeQuestionView(ctx: BotContext, a: Assessment, key: QuestionKey, householdLine: boolean): QuestionView {
  const lines: string[] = [];
  let answers: QuestionView["answers"];
  let attach: string | undefined;
  if (isClearanceKey(key)) {
    const items = a.sheet.disqualification;
    const index = items.findIndex((d) => d.id === clearanceItem(key));
    const item = items[index]!;
    const current = a.clearances[item.id];
    lines.push(
      th(ctx, "q-clearance-progress", { n: index + 1, total: items.length }),
      `<b>${escapeHtml(item.requirement)}</b>`,
      `<i>${escapeHtml(item.help)}</i>`,
      "",
      ctx.t("q-clearance-ask"),
    );
    answers = [
      [mark(current === true, ctx.t("btn-clearance-yes")), true],
      [mark(current === false, ctx.t("btn-clearance-no")), false],
    ];
  } else {
    const criterion = a.criteria.find((c) => c.id === key)!;
    const index = a.criteria.indexOf(criterion);
    const options = optionsFor(criterion, a.caseId);
    lines.push(
      th(ctx, "q-progress", {
        n: index + 1,
        total: a.criteria.length,
        part: criterion.part,
        partTitle: partTitle(a, criterion.part),
      }),
      `<b>${escapeHtml(criterion.id)}. ${escapeHtml(criterion.title)}</b>`,
      `<i>${escapeHtml(criterion.help)}</i>`,
    );
    if (criterion.note) lines.push(th(ctx, "q-note", { note: criterion.note }));
    if (householdLine) lines.push(ctx.t("q-household-unregistered"));
    if (criterion.evidence.length) {
      lines.push(th(ctx, "q-evidence", { kinds: criterion.evidence.map((k) => ctx.t(`evidence-${k}`)).join("; ") }));
      attach = ctx.t("btn-attach");
    }
    lines.push("");
    lines.push(...options.map((o, i) => optionLine(ctx, o, i, a.answers[key] === o.id)));
    lines.push("", ctx.t("q-how-to-answer"));
    if (options.some((o) => o.marker)) lines.push(ctx.t("q-marker-legend"));
    answers = options.map((o, i) => [optionButton(ctx, o, i), o.id]);
  }
  return { text: lines.join("\n"), answers, attach, back: ctx.t("btn-back"), saveExit: ctx.t("btn-save-exit") };
}

function mark(chosen: boolean, label: string): string {
  return chosen ? `✅ ${label}` : label;
}

/** The text a question's message keeps once answered: the question and the chosen answer, no buttons. */
function answeredText(ctx: BotContext, a: Assessment, key: QuestionKey): string {
  const answer = isClearanceKey(key) ? a.clearances[clearanceItem(key)] : a.answers[key];
  return onceForSheet(a.sheet, ["answered", ctx.locale, key, answer].join("\n"), () => {
    if (isClearanceKey(key)) {
      const item = a.sheet.disqualification.find((d) => d.id === clearanceItem(key))!;
      return th(ctx, answer ? "answered-clearance-yes" : "answered-clearance-no", { requirement: item.requirement });
    }
    const criterion = a.criteria.find((c) => c.id === key)!;
    const option = criterion.options.find((o) => o.id === answer)!;
    return th(ctx, "answered-criterion", {
      id: criterion.id,
      title: criterion.title,
      label: option.label,
      points: option.points,
    });
  });
}

async function askQuestion(ctx: BotContext, a: Assessment, key: QuestionKey, fromReview = false) {
  const { text, keyboard } = renderQuestion(ctx, a, key);
  const sent = await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  ctx.session.fromReview = fromReview || undefined;
  ctx.session.step = "assess";
  ctx.session.applicationId = a.app.id;
  ctx.session.question = key;
  ctx.session.questionMessageId = sent.message_id;
}

/**
 * Goes on from `after`: the next unanswered question, or the result when everything is answered;
 * while the missing items for filing are being done, the next of those.
 */
async function proceed(ctx: BotContext, a: Assessment, after?: QuestionKey) {
  if (ctx.session.fixing === a.app.id && !ctx.session.fromReview)
    return continueFixing(ctx, a, after === undefined ? undefined : questionItem(after));
  const key = nextQuestion(a, after);
  if (key) return askQuestion(ctx, a, key);
  ctx.session.step = undefined;
  ctx.session.question = undefined;
  ctx.session.questionMessageId = undefined;
  return showResult(ctx, a, ctx.t("assessment-complete"));
}

export async function startAssessment(ctx: BotContext, appId: number) {
  const loaded = await loadForUser(ctx, appId);
  if (loaded.ok) await begin(ctx, loaded.a);
}

/** Shows where the assessment stands and asks the first unanswered question (or the result). */
async function begin(ctx: BotContext, a: Assessment) {
  ctx.session.fixing = undefined;
  if (!isEditable(a.app)) return showResult(ctx, a);
  if (answeredCount(a) === 0) {
    await ctx.reply(
      th(ctx, "assessment-intro", {
        product: a.product.name,
        set: a.sheet.productSetTitle,
        count: a.criteria.length,
        clearances: a.sheet.disqualification.length,
      }),
      HTML,
    );
  } else if (nextQuestion(a)) {
    await ctx.reply(
      th(ctx, "assessment-resume", { product: a.product.name, answered: answeredCount(a), total: a.order.length }),
      HTML,
    );
  }
  return proceed(ctx, a);
}

/** Records an answer coming from a button or typed text, then moves on. */
async function answer(
  ctx: BotContext,
  appId: number,
  key: QuestionKey,
  value: string | boolean,
  messageId: number | undefined,
) {
  const wasCurrent = ctx.session.question === key || ctx.session.question === undefined;
  const outcome = ctx.services.assessment.answer(ctx.user?.id, appId, key, value);
  if (!outcome.ok) {
    if (outcome.reason === "not-found") ctx.log.warn({ appId }, "refused access to an application");
    const text =
      outcome.reason === "not-editable"
        ? th(ctx, "not-editable", { state: ctx.t(`state-${outcome.state}`) })
        : staleButtonText(ctx);
    if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text, show_alert: true });
    return ctx.reply(text, HTML);
  }
  const a = outcome.assessment;
  if (!outcome.changed && !wasCurrent) {
    // The same answer again (a double tap, an old button): nothing changed, nothing to say.
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    return undefined;
  }
  // The answer is saved: the button's answer and the question's edit start together.
  const tidied = Promise.all([
    ctx.callbackQuery &&
      ctx.answerCallbackQuery(
        outcome.previous !== undefined && outcome.changed ? { text: ctx.t("answer-changed") } : {},
      ),
    messageId !== undefined && ctx.api.editMessageText(ctx.chat!.id, messageId, answeredText(ctx, a, key), HTML),
  ]);
  tidied.catch(() => undefined); // awaited below; this only keeps a failure from being unhandled meanwhile
  // What comes next does not wait for the edit when the button pressed is on the message edited:
  // that message is there, and under a crowd the edit goes after everyone's next question
  // (telegram-api.ts, sendPriority). A typed answer edits the question the session remembers,
  // which may have been deleted; its text is then sent as a new message (telegramRefusals), so
  // what comes next waits for it, to stay below it.
  const pressedOnIt = messageId !== undefined && ctx.callbackQuery?.message?.message_id === messageId;
  if (!pressedOnIt) await tidied;
  try {
    return await followAnswer(ctx, outcome, key, wasCurrent);
  } finally {
    await tidied; // the handler ends once the edit is done: its errors reach the error boundary
  }
}

/** After an answer: the next question (or result), or, for an older question's button, what changed. */
function followAnswer(ctx: BotContext, outcome: AnswerResult & { ok: true }, key: QuestionKey, wasCurrent: boolean) {
  const a = outcome.assessment;
  if (!wasCurrent) {
    // A button on an older question: the answer changed; the current question stays where it is.
    const total = assessmentScore(a).total;
    if (!isClearanceKey(key)) return ctx.reply(th(ctx, "answer-changed-older", { id: key, total }), HTML);
    const n = a.sheet.disqualification.findIndex((d) => d.id === clearanceItem(key)) + 1;
    return ctx.reply(th(ctx, "answer-changed-older-clearance", { n, total }), HTML);
  }
  return proceed(ctx, a, key);
}

onButton(assessmentFeature, cb.answer, (ctx, app, criterionId, optionId) =>
  answer(ctx, app, criterionId, optionId, ctx.callbackQuery.message?.message_id),
);

onButton(assessmentFeature, cb.clearance, (ctx, app, holds, itemId) =>
  answer(ctx, app, clearanceKey(itemId), holds, ctx.callbackQuery.message?.message_id),
);

onButton(assessmentFeature, cb.back, async (ctx, app, key) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  const previous = previousQuestion(loaded.a, key);
  if (!previous) return ctx.answerCallbackQuery({ text: ctx.t("first-question") });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  return askQuestion(ctx, loaded.a, previous);
});

/** Opens a question to answer again: from the walk (it goes on after) or from the review (it ends). */
async function openQuestion(ctx: BotContext, app: number, key: QuestionKey, fromReview: boolean) {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  if (!loaded.a.order.includes(key)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  if (!isEditable(loaded.a.app)) {
    return ctx.answerCallbackQuery({
      text: th(ctx, "not-editable", { state: ctx.t(`state-${loaded.a.app.state}`) }),
      show_alert: true,
    });
  }
  await ctx.answerCallbackQuery();
  return askQuestion(ctx, loaded.a, key, fromReview);
}

onButton(assessmentFeature, cb.ask, (ctx, app, key) => openQuestion(ctx, app, key, false));
onButton(assessmentFeature, cb.reviewAsk, (ctx, app, key) => openQuestion(ctx, app, key, true));

onButton(assessmentFeature, cb.saveExit, async (ctx, app) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  ctx.session.step = undefined;
  ctx.session.question = undefined;
  ctx.session.questionMessageId = undefined;
  ctx.session.fixing = undefined;
  return ctx.reply(th(ctx, "saved-exit", { answered: answeredCount(loaded.a), total: loaded.a.order.length }), HTML);
});

onButton(assessmentFeature, cb.resume, async (ctx, app) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  await ctx.answerCallbackQuery();
  return begin(ctx, loaded.a);
});

// Typed yes/no, compared after folding diacritics ("có", "đúng", "không", "chưa").
const YES_WORDS = ["1", "co", "dung", "dung vay", "yes", "y"];
const NO_WORDS = ["2", "khong", "chua", "chua dung", "no", "n"];

/**
 * The option a typed text (folded, see fold) names: its number, its whole text, or a part of one
 * option's text only. The version's "none of these" words name the option of 0 points on a
 * criterion whose rubric has one, so it needs no "none of these" option of its own.
 */
function typedOption(options: readonly Option[], typed: string, noneLabel: string | undefined): Option | undefined {
  const n = Number(typed);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1];
  if (typed.length < 3) return undefined;
  const only = (found: Option[]) => (found.length === 1 ? found[0] : undefined);
  const none = noneLabel !== undefined && !options.some((o) => o.none) && fold(noneLabel).startsWith(typed);
  return (
    only(options.filter((o) => fold(o.label) === typed)) ??
    only(options.filter((o) => fold(o.label).includes(typed))) ??
    (none ? only(options.filter((o) => o.points === 0)) : undefined)
  );
}

/** Typed answers: the option's number or (part of) its text; yes/no for the disqualification items. */
async function handleAssessmentText(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.session.step !== "assess" || !ctx.session.applicationId || !ctx.session.question) return false;
  const opened = ctx.services.assessment.open(ctx.user?.id, ctx.session.applicationId);
  if (!opened.ok) return false;
  const a = opened.assessment;
  const key = ctx.session.question;
  const typed = fold(text);
  let value: string | boolean | undefined;
  if (isClearanceKey(key)) {
    if (YES_WORDS.includes(typed)) value = true;
    else if (NO_WORDS.includes(typed)) value = false;
  } else {
    const criterion = a.criteria.find((c) => c.id === key)!;
    value = typedOption(optionsFor(criterion, a.caseId), typed, a.sheet.version.noneOption?.label)?.id;
  }
  if (value === undefined) {
    await ctx.reply(ctx.t("answer-not-understood"), HTML);
    return true;
  }
  await accepted(ctx);
  await answer(ctx, a.app.id, key, value, ctx.session.questionMessageId);
  return true;
}

assessmentFeature.use(textSteps(handleAssessmentText));

// Filing: what is missing, item by item (/nop refused, or the result's submit button).

const questionItem = (key: QuestionKey): MissingItem =>
  isClearanceKey(key) ? { kind: "clearance", id: clearanceItem(key) } : { kind: "criterion", id: key };

/** The button that opens a missing item. */
function itemButton(ctx: BotContext, a: Assessment, item: MissingItem): Button {
  const app = a.app.id;
  switch (item.kind) {
    case "clearance":
    case "failed-clearance": {
      const n = a.sheet.disqualification.findIndex((d) => d.id === item.id) + 1;
      // A criterion whose 0 points stop the scoring is answered again like any criterion.
      if (n === 0) return [ctx.t("btn-fix-criterion", { id: item.id }), cb.ask(app, item.id)];
      return [ctx.t(`btn-fix-${item.kind}`, { n }), cb.ask(app, clearanceKey(item.id))];
    }
    case "criterion":
      return [ctx.t("btn-fix-criterion", { id: item.id }), cb.ask(app, item.id)];
    case "evidence":
      return [ctx.t("btn-fix-evidence", { id: item.id }), cb.evidence(app, item.id)];
    case "score":
      return [ctx.t("btn-fix-score"), cb.result(app)];
    case "registration":
      return [ctx.t("btn-now-registered"), cb.businessRegistered(true)];
  }
}

/** At most this many item buttons under the list; the walk through the items reaches the rest. */
const MAX_ITEM_BUTTONS = 24;

function missingLines(ctx: BotContext, a: Assessment, r: Readiness): string[] {
  const lines: string[] = [];
  if (r.pendingClearances.length) lines.push(ctx.t("missing-clearances", { count: r.pendingClearances.length }));
  if (r.failedClearances.length) lines.push(ctx.t("missing-failed-clearances", { count: r.failedClearances.length }));
  if (r.unanswered.length)
    lines.push(th(ctx, "missing-unanswered", { count: r.unanswered.length, list: r.unanswered.join(", ") }));
  if (r.missingEvidence.length)
    lines.push(th(ctx, "missing-evidence", { count: r.missingEvidence.length, list: r.missingEvidence.join(", ") }));
  if (r.markersBelowThree.length) {
    const markers = r.markersBelowThree
      .map((m) => ctx.t("missing-marker", { criterion: m.criterion, marker: m.marker }))
      .join(", ");
    lines.push(th(ctx, "missing-below-three-markers", { total: r.total, stars: r.stars, markers }));
  } else if (r.belowThree) lines.push(ctx.t("missing-below-three", { total: r.total, stars: r.stars }));
  if (r.unregistered) {
    // The decision the application's rubric version comes from: "Quyết định số 148/QĐ-TTg ngày …".
    const { id, legalSource } = a.sheet.version;
    lines.push(th(ctx, "missing-household-registration", { version: id, decision: legalSource.split(",")[0]! }));
  }
  return lines;
}

/**
 * Why the application cannot be filed yet, with a button per missing item; from here on, each
 * item done (or passed over) leads to the next one until the application is ready.
 */
export async function showMissing(ctx: BotContext, a: Assessment, r: Readiness) {
  ctx.session.fixing = a.app.id;
  ctx.session.step = undefined;
  const items = r.items.map((item) => itemButton(ctx, a, item));
  const start: Button[] = r.items.some(isStepItem) ? [[ctx.t("btn-fix-start"), cb.fix(a.app.id, undefined)]] : [];
  const how = start.length ? ctx.t("fix-how") : ctx.t("fix-how-items");
  return ctx.reply([ctx.t("not-ready"), ...missingLines(ctx, a, r), "", how].join("\n"), {
    ...HTML,
    reply_markup: stack(column(start), grid(items.slice(0, MAX_ITEM_BUTTONS), 4)),
  });
}

/**
 * The application can be filed: the submit button, after the evidence kinds Mẫu 02 will list as
 * missing (a warning: filing is allowed), each with a button to attach it now.
 */
export async function showReady(ctx: BotContext, a: Assessment, r: Readiness) {
  const lines = [ctx.t("ready-title")];
  const attach: Button[] = [];
  if (r.evidenceKindsMissing.length) {
    ctx.session.fixing = a.app.id;
    lines.push("", ctx.t("ready-warnings-head"));
    for (const m of r.evidenceKindsMissing) {
      lines.push(th(ctx, "ready-warning-line", { kind: ctx.t(`evidence-${m.kind}`), criteria: m.criteria.join(", ") }));
      for (const id of m.criteria)
        if (!attach.some(([, data]) => data === cb.evidence(a.app.id, id)))
          attach.push(itemButton(ctx, a, { kind: "evidence", id }));
    }
    lines.push(ctx.t("ready-warnings-note"));
  } else ctx.session.fixing = undefined;
  const submit = r.evidenceKindsMissing.length ? cb.submitConfirmed(a.app.id) : cb.submit(a.app.id);
  return ctx.reply(lines.join("\n"), {
    ...HTML,
    reply_markup: stack(column([[ctx.t("btn-submit"), submit]]), grid(attach.slice(0, MAX_ITEM_BUTTONS), 4)),
  });
}

/** After an item is done or passed over: the next missing item, else where the application stands. */
async function continueFixing(ctx: BotContext, a: Assessment, after?: MissingItem) {
  ctx.session.step = undefined;
  if (!isEditable(a.app)) {
    ctx.session.fixing = undefined;
    return ctx.reply(th(ctx, "not-editable", { state: ctx.t(`state-${a.app.state}`) }), HTML);
  }
  // Evidence sent from a question not answered yet: back to that question.
  if (after?.kind === "evidence" && a.answers[after.id] === undefined && a.order.includes(after.id))
    return askQuestion(ctx, a, after.id);
  const checked = ctx.services.assessment.readiness(ctx.user?.id, a.app.id);
  if (!checked.ok) return ctx.reply(staleButtonText(ctx), HTML);
  const r = checked.readiness;
  if (r.ready) return showReady(ctx, a, r);
  const item = nextStep(r, after);
  if (!item) return showMissing(ctx, a, r);
  if (item.kind === "evidence") return askEvidence(ctx, a, a.criteria.find((c) => c.id === item.id)!);
  return askQuestion(ctx, a, item.kind === "clearance" ? clearanceKey(item.id) : item.id);
}

/** The walk through what is missing goes on after `after`, an item done outside it (the household's registration). */
export async function continueWalk(ctx: BotContext, appId: number, after: MissingItem) {
  const loaded = await loadForUser(ctx, appId);
  if (loaded.ok) return continueFixing(ctx, loaded.a, after);
  return undefined;
}

onButton(assessmentFeature, cb.fix, async (ctx, app, afterKey) => {
  const after = afterKey === undefined ? undefined : parseItemKey(afterKey);
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  if (afterKey !== undefined && !after) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  ctx.session.fixing = loaded.a.app.id;
  return continueFixing(ctx, loaded.a, after);
});

assessmentFeature.use(review, evidence);

export { applicationForCommand, loadForUser, saidFrozen } from "./assessment/access.js";
