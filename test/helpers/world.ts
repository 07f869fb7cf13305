// People, organisations and applications made through the services on a real database, for
// service-level tests: producers, officers, drafts, answers, filed and rated applications.
import { expect } from "vitest";
import { renderNotification } from "../../src/bot/notifications/index.js";
import type { Db } from "../../src/db/client.js";
import { outbox, userIdentities, users } from "../../src/db/schema.js";
import { type Option, optionsFor } from "../../src/domain/rubric.js";
import { adminUnits } from "../../src/geo/communes.js";
import { getI18n } from "../../src/i18n.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { addProduct, isAnswered, isClearanceKey, loadAssessment, saveAnswer } from "../../src/services/assessment.js";
import type { CoreDeps } from "../../src/services/core.js";
import { addEvidence } from "../../src/services/evidence.js";
import { loadHolidays } from "../../src/services/holidays.js";
import { createMemberInvite, createOfficerInvite, redeemInvite } from "../../src/services/membership.js";
import { notificationsService } from "../../src/services/notifications.js";
import {
  findUser,
  grantConsent,
  type Organisation,
  type OrganisationInput,
  saveOrganisation,
  telegramIdentity,
  type User,
  updateUser,
  userIdOf,
} from "../../src/services/people.js";
import { act, localCriteria, recordLocalEvaluation, type WorkflowDeps } from "../../src/services/workflow.js";

export const catalog = loadCatalog().value!;
export const holidays = loadHolidays();
export const i18n = getI18n();
export const units = adminUnits();
export const ADMIN = 9000;
export const CAI_NUOC = "00476";
export const PHU_MY = "01806";
export const HONEY = "mat-ong-mat-khac-va-nong-san-thuc-pham-khac";

export interface Producer {
  user: User;
  org: Organisation;
}

export type World = ReturnType<typeof world>;

export function world(db: Db) {
  const workflow = (at: Date = new Date()): WorkflowDeps => ({
    db,
    catalog,
    adminUnits: units,
    adminIds: [ADMIN],
    now: () => at,
  });

  /** A user known by this Telegram id; one the database does not know yet gets it as internal id too (as users from before identities). */
  function known(telegramId: number): number {
    const known = userIdOf(db, telegramIdentity(telegramId));
    if (known !== undefined) return known;
    db.insert(users).values({ id: telegramId }).run();
    db.insert(userIdentities)
      .values({ ...telegramIdentity(telegramId), userId: telegramId })
      .run();
    return telegramId;
  }
  // The administrator is known (the services resolve ADMIN_IDS through Telegram identities).
  known(ADMIN);

  /** A user (see known) who agreed to the notice and gave a name and phone. */
  function person(id: number, language = "vi"): User {
    known(id);
    const user = grantConsent(db, telegramIdentity(id), language);
    updateUser(db, user.id, { fullName: `Person ${id}`, phone: "0912345678" });
    return findUser(db, user.id)!;
  }

  function producer(id: number, communeCode: string, language = "vi", org: Partial<OrganisationInput> = {}): Producer {
    const user = person(id, language);
    const saved = saveOrganisation(db, user, { type: "cooperative", name: `Co-op ${id}`, communeCode, ...org });
    return { user: findUser(db, user.id)!, org: saved };
  }

  /** An officer of the communes, appointed by the administrator's invitation; returns their id. */
  function officer(id: number, communeCodes: string[], language = "vi"): number {
    const user = person(id, language);
    const invite = createOfficerInvite(db, communeCodes, ADMIN);
    expect(redeemInvite(db, "officer", invite.code, user.id).ok).toBe(true);
    return user.id;
  }

  /** A person who joined the producer's organisation through the owner's invitation; returns their id. */
  function member(p: Producer, id: number): number {
    const user = person(id);
    expect(redeemInvite(db, "member", createMemberInvite(db, p.org.id, p.user.id).code, user.id).ok).toBe(true);
    return user.id;
  }

  /** The use cases' dependencies over this database (ADMIN as the administrator), with `overrides`. */
  function coreDeps(overrides: Partial<CoreDeps> = {}): CoreDeps {
    return { db, catalog, adminUnits: units, adminIds: [ADMIN], holidays, notify: () => undefined, ...overrides };
  }

  function draft(p: Producer, name: string, productSet = HONEY): number {
    const added = addProduct(db, catalog, p.user, p.org, { name, productSet });
    if ("error" in added) throw new Error(added.error);
    return added.application.id;
  }

  /** Answers up to `count` open questions: every requirement holds, each criterion with `pick` (default: the best option). */
  function answer(
    appId: number,
    userId: number,
    count = Infinity,
    pick: (options: readonly Option[]) => Option = (o) => o.reduce((x, y) => (y.points > x.points ? y : x)),
  ): void {
    const a = loadAssessment(db, catalog, appId)!;
    for (const key of a.order.filter((k) => !isAnswered(a, k)).slice(0, count)) {
      if (isClearanceKey(key)) {
        expect(saveAnswer(db, a, key, true, userId).ok).toBe(true);
        continue;
      }
      const criterion = a.criteria.find((c) => c.id === key)!;
      expect(saveAnswer(db, a, key, pick(optionsFor(criterion, a.caseId)).id, userId).ok).toBe(true);
    }
  }

  /**
   * A photo for every criterion that expects evidence; `tagged`: each says it proves only the
   * criterion's first kind (so Mẫu 02 lists the other kinds as missing).
   */
  function attachEvidence(appId: number, userId: number, tagged = false): void {
    const a = loadAssessment(db, catalog, appId)!;
    for (const c of a.criteria.filter((c) => c.evidence.length > 0)) {
      addEvidence(db, {
        applicationId: appId,
        criterionId: c.id,
        fileId: `f-${c.id}`,
        fileUniqueId: `u-${appId}-${c.id}`,
        kind: "photo",
        addedBy: userId,
        ...(tagged ? { evidenceKind: c.evidence[0] } : {}),
      });
    }
  }

  /**
   * A complete application with evidence (the best options, but for `changes`: criterion → option),
   * submitted at `submittedAt`, received at `receivedAt` if given.
   */
  function filed(
    p: Producer,
    name: string,
    submittedAt: Date,
    receive?: { by: number; at: Date },
    changes: Record<string, string> = {},
  ): number {
    const appId = draft(p, name);
    answer(appId, p.user.id);
    const a = loadAssessment(db, catalog, appId)!;
    for (const [criterion, option] of Object.entries(changes))
      expect(saveAnswer(db, a, criterion, option, p.user.id).ok).toBe(true);
    attachEvidence(appId, p.user.id);
    const submitted = act(workflow(submittedAt), p.user.id, appId, "submit");
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    if (receive) expect(act(workflow(receive.at), receive.by, appId, "receive").ok).toBe(true);
    return appId;
  }

  /** A filed application taken by the officer through the commune's evaluation to the official result. */
  function rated(
    p: Producer,
    name: string,
    officerId: number,
    result: { stars: number; decisionDate: string },
    changes: Record<string, string> = {},
  ): number {
    const appId = filed(p, name, new Date(), { by: officerId, at: new Date() }, changes);
    const a = loadAssessment(db, catalog, appId)!;
    for (const { topic, criterion } of localCriteria(a)) {
      expect(recordLocalEvaluation(workflow(), officerId, appId, topic, a.answers[criterion.id]!).ok).toBe(true);
    }
    expect(act(workflow(), officerId, appId, "forward").ok).toBe(true);
    expect(
      act(workflow(), officerId, appId, "record-result", { result: { ...result, decisionNumber: `${appId}/QĐ-UBND` } })
        .ok,
    ).toBe(true);
    return appId;
  }

  return { workflow, coreDeps, person, producer, officer, member, draft, answer, attachEvidence, filed, rated };
}

/**
 * The outbox as the Telegram channel sends it: each row with its chat, text and buttons (JSON of the
 * InlineKeyboardMarkup), rendered in the recipient's language.
 */
export function telegramOutbox(db: Db) {
  return db
    .select()
    .from(outbox)
    .orderBy(outbox.id)
    .all()
    .map((row) => {
      const m = renderNotification({ notifications: notificationsService({ db }), i18n, adminUnits: units }, row);
      if ("error" in m) throw new Error(`outbox row ${row.id}: ${m.error}`);
      if ("skip" in m) throw new Error(`outbox row ${row.id}: ${m.skip}`);
      return {
        ...row,
        chatId: m.chatId,
        text: m.text,
        parseMode: m.parseMode ?? null,
        replyMarkup: m.replyMarkup ? JSON.stringify(m.replyMarkup) : null,
      };
    });
}
