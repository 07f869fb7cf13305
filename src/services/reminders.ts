// Reminders: a daily digest for each commune officer with applications waiting (from 08:00 in
// Vietnam), one gentle reminder to a producer whose draft has been idle for 3 days, and, for a
// recognised product, reminders to the producer and members 6 and 3 months before its certificate
// expires.
//
// What was sent is recorded in the `reminders` table in the same transaction as the outbox rows,
// keyed so that nothing goes twice: the insert that reports a change is the one that may send, so
// restarts and several instances running at once are safe.
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { preparedFor } from "../db/prepared.js";
import {
  answers,
  applications,
  clearances,
  officers,
  officialResults,
  organisations,
  products,
  type ReminderKind,
  reminders,
  users,
} from "../db/schema.js";
import { communeDeadline, type Holidays, nextProvincialDeadline, vnDate, workingDaysLeft } from "../domain/calendar.js";
import {
  addMonths,
  CERTIFICATE_MONTHS,
  certificateTimeline,
  EXPIRY_REMINDER_MONTHS,
  expiryReminderDue,
} from "../domain/certificate.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { questionsOf } from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { organisationPeople } from "./membership.js";
import { type CertificateNotice, type DigestNotice, enqueueNotifications, type NotificationInput } from "./outbox.js";
import { findUser, hasConsent } from "./people.js";

export interface ReminderDeps {
  db: Db;
  catalog: RubricCatalog;
  adminUnits: AdminUnits;
  holidays: Holidays;
  adminIds: readonly number[];
}

export interface ReminderCounts {
  /** Digests queued for officers. */
  digests: number;
  /** Idle-draft reminders queued for producers. */
  idle: number;
  /** Certificate-expiry reminders queued for producers and members. */
  certificates: number;
  /** Whether more idle drafts may be due than one batch looked at: call queueIdleDrafts again, after `after`. */
  more: boolean;
  /** The last idle draft looked at: where the next batch of the same pass starts (none looked at: unset). */
  after?: IdleDraftCursor;
}

/**
 * A place in the idle drafts, which a pass reads oldest first: the draft's last change (milliseconds
 * since the epoch) and its id.
 */
export interface IdleDraftCursor {
  updatedAt: number;
  id: number;
}

/** The hour (in Vietnam, UTC+7 all year) from which the day's digest goes out. */
export const DIGEST_HOUR_VN = 8;
/** A draft untouched for longer than this gets one reminder. */
export const IDLE_DRAFT_MS = 3 * 24 * 60 * 60 * 1000;
/**
 * Idle drafts looked at in one synchronous pass: a pass never holds the event loop for long, and what
 * it allocates is short-lived (batches of 500 left so much garbage in the old generation over
 * 100,000 drafts that the process grew by 150 MiB; with 100 it stays flat, the pass ~20% longer).
 */
export const IDLE_DRAFT_BATCH = 100;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const WAITING_STATES = ["submitted", "received"] as const;

/** The key of an idle-draft reminder: one per application per idle period. */
export function idleDraftKey(applicationId: number, updatedAt: Date): string {
  return `${applicationId}:${updatedAt.getTime()}`;
}

/** Whether the digest may go out at that instant: 08:00 or later in Vietnam. */
export function isDigestTime(now: Date): boolean {
  return new Date(now.getTime() + VN_OFFSET_MS).getUTCHours() >= DIGEST_HOUR_VN;
}

interface Pending {
  kind: ReminderKind;
  userId: number;
  key: string;
  notification: NotificationInput;
}

/**
 * Queues the reminders due at `now` (digests and certificates, and those of the first `batch` idle
 * drafts after `after`, from the oldest when unset) and returns how many. Synchronous: they are
 * worked out first, then one transaction records each reminder and queues its message (only when
 * the record is new). When `more` is set, call queueIdleDrafts with the returned `after` for the
 * next batch (after yielding to other work); call the dispatcher's kick() when anything was queued.
 */
export function runReminders(
  deps: ReminderDeps,
  now: Date = new Date(),
  batch = IDLE_DRAFT_BATCH,
  after?: IdleDraftCursor,
): ReminderCounts {
  const counts = record(deps, now, isDigestTime(now) ? [...digests(deps, now), ...certificates(deps, now)] : []);
  const idle = queueIdleDrafts(deps, now, batch, after);
  return { ...counts, idle: idle.idle, more: idle.more, ...(idle.after ? { after: idle.after } : {}) };
}

/**
 * Looks at the next `batch` idle drafts after `after` (from the oldest when unset) and queues a
 * reminder for each one due and not reminded yet (see runReminders). A batch reads at most `batch`
 * drafts however many were reminded before, so that a pass over many drafts stays in short steps.
 */
export function queueIdleDrafts(
  deps: ReminderDeps,
  now: Date,
  batch = IDLE_DRAFT_BATCH,
  after?: IdleDraftCursor,
): ReminderCounts {
  const { pending, full, last } = idleDrafts(deps, now, batch, after);
  const counts = record(deps, now, pending);
  return { ...counts, more: full, ...(last ? { after: last } : {}) };
}

/** Records a reminder, unless it is recorded already (then nothing changes). */
const recordReminder = preparedFor((db) =>
  db
    .insert(reminders)
    .values({
      kind: sql.placeholder("kind"),
      userId: sql.placeholder("userId"),
      key: sql.placeholder("key"),
      sentAt: sql.placeholder("sentAt"),
    })
    .onConflictDoNothing()
    .prepare(),
);

/** Records each reminder and queues its message, in one transaction, only where the record is new. */
function record(deps: ReminderDeps, now: Date, pending: Pending[]): ReminderCounts {
  const counts: ReminderCounts = { digests: 0, idle: 0, certificates: 0, more: false };
  if (pending.length === 0) return counts;
  const counter = { digest: "digests", "idle-draft": "idle", certificate: "certificates" } as const;
  const insert = recordReminder(deps.db);
  return deps.db.transaction((tx) => {
    const queued: NotificationInput[] = [];
    for (const p of pending) {
      if (insert.run({ kind: p.kind, userId: p.userId, key: p.key, sentAt: now }).changes !== 1) continue;
      queued.push(p.notification);
      counts[counter[p.kind]]++;
    }
    enqueueNotifications(tx, queued);
    return counts;
  });
}

/** The day's digest for every active officer who has applications waiting and has not had it yet. */
function digests(deps: ReminderDeps, now: Date): Pending[] {
  const { db, holidays } = deps;
  const today = vnDate(now);
  const sentToday = sql`exists (select 1 from ${reminders} where ${reminders.kind} = 'digest' and ${reminders.userId} = ${officers.userId} and ${reminders.key} = ${today})`;
  const rows = db
    .select({ userId: officers.userId, communeCode: officers.communeCode })
    .from(officers)
    .innerJoin(users, eq(users.id, officers.userId))
    .where(and(isNull(officers.revokedAt), eq(users.remindersOff, false), sql`not ${sentToday}`))
    .all();
  if (rows.length === 0) return [];

  const byOfficer = new Map<number, Set<string>>();
  for (const r of rows) byOfficer.set(r.userId, (byOfficer.get(r.userId) ?? new Set<string>()).add(r.communeCode));
  const communes = [...new Set(rows.map((r) => r.communeCode))];
  const waiting = db
    .select({
      communeCode: applications.communeCode,
      state: applications.state,
      receivedAt: applications.receivedAt,
      product: products.name,
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(
      and(
        inArray(applications.state, [...WAITING_STATES]),
        isNotNull(applications.submittedAt),
        inArray(applications.communeCode, communes),
      ),
    )
    .all();

  const province = nextProvincialDeadline(now);
  const result: Pending[] = [];
  for (const [userId, theirs] of byOfficer) {
    const mine = waiting.filter((a) => a.communeCode !== null && theirs.has(a.communeCode));
    if (mine.length === 0) continue;
    const submitted = mine.filter((a) => a.state === "submitted").length;
    const received = mine.filter((a) => a.state === "received");
    const urgent = received
      .filter((a): a is typeof a & { receivedAt: Date } => a.receivedAt !== null)
      .map((a) => ({ ...a, left: workingDaysLeft(a.receivedAt, now, holidays) }))
      .sort((x, y) => x.left - y.left || x.receivedAt.getTime() - y.receivedAt.getTime())[0];
    const digest: DigestNotice = {
      date: today,
      count: mine.length,
      submitted,
      received: received.length,
      ...(urgent
        ? {
            urgent: {
              product: urgent.product,
              left: urgent.left,
              deadline: communeDeadline(urgent.receivedAt, holidays),
            },
          }
        : {}),
      proposeBy: province.proposeBy,
      ratedBy: province.ratedBy,
    };
    result.push({
      kind: "digest",
      userId,
      key: today,
      notification: { recipientId: userId, kind: "digest", arguments: digest },
    });
  }
  return result;
}

/**
 * One reminder per draft idle for more than IDLE_DRAFT_MS, to its organisation's owner (members
 * are not reminded), if the owner still has consent and has not turned reminders off. Reads the
 * next `batch` idle drafts after `after`, oldest first (`full`: as many as asked; `last`: the last
 * one read), then which of them are due.
 */
function idleDrafts(
  deps: ReminderDeps,
  now: Date,
  batch: number,
  after: IdleDraftCursor | undefined,
): { pending: Pending[]; full: boolean; last: IdleDraftCursor | undefined } {
  const { db, catalog } = deps;
  const cutoff = new Date(now.getTime() - IDLE_DRAFT_MS);
  const drafts = db
    .select({ id: applications.id, updatedAt: applications.updatedAt })
    .from(applications)
    .where(
      and(
        eq(applications.state, "draft"),
        lt(applications.updatedAt, cutoff),
        after ? sql`(${applications.updatedAt}, ${applications.id}) > (${after.updatedAt}, ${after.id})` : undefined,
      ),
    )
    .orderBy(applications.state, applications.updatedAt, applications.id)
    .limit(batch)
    .all();
  const lastDraft = drafts.at(-1);
  const last = lastDraft && { updatedAt: lastDraft.updatedAt.getTime(), id: lastDraft.id };
  if (drafts.length === 0) return { pending: [], full: false, last };

  const keyOf = sql`cast(${applications.id} as text) || ':' || cast(${applications.updatedAt} as text)`;
  const reminded = sql`exists (select 1 from ${reminders} where ${reminders.kind} = 'idle-draft' and ${reminders.userId} = ${organisations.ownerId} and ${reminders.key} = ${keyOf})`;
  // The answers counted in SQL: building each draft's whole assessment only to count them made a
  // pass over many drafts allocate (and hold) far more memory than it needs.
  const due = db
    .select({
      applicationId: applications.id,
      updatedAt: applications.updatedAt,
      sheetId: applications.sheetId,
      caseId: applications.caseId,
      product: products.name,
      ownerId: organisations.ownerId,
      answered: sql<number>`(select count(*) from ${answers} where ${answers.applicationId} = ${applications.id}) + (select count(*) from ${clearances} where ${clearances.applicationId} = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(users, eq(users.id, organisations.ownerId))
    .where(
      and(
        inArray(
          applications.id,
          drafts.map((d) => d.id),
        ),
        eq(users.remindersOff, false),
        isNotNull(users.consentVersion),
        sql`not ${reminded}`,
      ),
    )
    .all();
  const result: Pending[] = [];
  for (const r of due) {
    const sheet = catalog.sheet(r.sheetId);
    if (!sheet) continue;
    const total = questionsOf(sheet, r.caseId ?? undefined).order.length;
    result.push({
      kind: "idle-draft",
      userId: r.ownerId,
      key: idleDraftKey(r.applicationId, r.updatedAt),
      notification: {
        recipientId: r.ownerId,
        kind: "idle-draft",
        arguments: { product: r.product, answered: Math.min(r.answered, total), total },
        applicationId: r.applicationId,
      },
    });
  }
  return { pending: result, full: drafts.length === batch, last };
}

/** The key of a certificate-expiry reminder: one per application and milestone, for each person. */
export function certificateReminderKey(applicationId: number, months: number): string {
  return `${applicationId}:${months}`;
}

/**
 * The certificate reminders due today (from 08:00, like the digest): for every rated application
 * with an official result of 3★ or more whose certificate reaches 6 or 3 months before expiry,
 * one message to the owner and to each member (consent given, reminders on), unless the product
 * already has a newer application (a re-assessment under way). See domain/certificate.ts.
 */
function certificates(deps: ReminderDeps, now: Date): Pending[] {
  const { db } = deps;
  const today = vnDate(now);
  const firstMilestone = Math.max(...EXPIRY_REMINDER_MONTHS);
  const newer = sql`exists (select 1 from ${applications} as later where later.product_id = ${applications.productId} and later.id > ${applications.id} and later.state <> 'withdrawn')`;
  const rows = db
    .select({
      applicationId: applications.id,
      organisationId: applications.organisationId,
      product: products.name,
      stars: officialResults.stars,
      decisionDate: officialResults.decisionDate,
    })
    .from(applications)
    .innerJoin(officialResults, eq(officialResults.applicationId, applications.id))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(
      and(
        eq(applications.state, "rated"),
        gte(officialResults.stars, 3),
        // Still valid, and at least at the first milestone.
        gte(officialResults.decisionDate, addMonths(today, -CERTIFICATE_MONTHS)),
        lte(officialResults.decisionDate, addMonths(today, firstMilestone - CERTIFICATE_MONTHS)),
        sql`not ${newer}`,
      ),
    )
    .all();

  const result: Pending[] = [];
  for (const r of rows) {
    const months = expiryReminderDue(r.decisionDate, today);
    if (!months) continue;
    const dates = certificateTimeline(r.decisionDate);
    const people = db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, organisationPeople(db, r.organisationId)),
          eq(users.remindersOff, false),
          isNotNull(users.consentVersion),
        ),
      )
      .all();
    const certificate: CertificateNotice = {
      months,
      stars: r.stars,
      product: r.product,
      expires: dates.expires,
      refileFrom: dates.refileFrom,
      refileBy: dates.refileBy,
      late: today > dates.refileBy ? 1 : 0,
    };
    for (const person of people) {
      result.push({
        kind: "certificate",
        userId: person.id,
        key: certificateReminderKey(r.applicationId, months),
        notification: {
          recipientId: person.id,
          kind: "certificate",
          arguments: certificate,
          applicationId: r.applicationId,
        },
      });
    }
  }
  return result;
}

/** Turns the user's reminders off or on (digests, idle-draft and certificate reminders alike). */
export function setRemindersOff(db: Db, userId: number, off: boolean): void {
  db.update(users).set({ remindersOff: off, updatedAt: new Date() }).where(eq(users.id, userId)).run();
}

export interface ReminderSchedulerOptions extends ReminderDeps {
  logger: Logger;
  /** Wakes the notification dispatcher (its kick()) after reminders were queued. */
  notify: () => void;
  /** How often to look for due reminders. Default 60 000. */
  intervalMs?: number;
  /** Milliseconds before the first look; default 0 (at once, synchronously). */
  delayMs?: number;
  /** The clock; default the real one. */
  now?: () => Date;
}

export interface ReminderScheduler {
  stop(): void;
}

/**
 * Runs runReminders now and then every intervalMs on an unref'ed timer (it never keeps the process
 * alive), each tick going on from the idle drafts the day's pass has read already (so a draft whose
 * owner turns reminders back on, or consents, is reminded by the next day's pass). Errors are
 * logged, never thrown out of the timer. Logs only counts, no personal data.
 */
export function startReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { logger, notify, intervalMs = 60_000, delayMs = 0, now = () => new Date() } = options;
  const log = logger.child({ component: "reminders" });
  let stopped = false;
  let running = false;
  // Where the day's pass over the idle drafts has got to: a tick goes on from there, so it reads only
  // the drafts that became idle since the last one (not every idle draft every minute). Each day
  // starts from the oldest again, for drafts whose owner turned reminders back on or consented.
  let resume: { day: string; after: IdleDraftCursor | undefined } | undefined;
  // One batch at a time, yielding between batches so that replies are never held up for long.
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const at = now();
      const day = vnDate(at);
      let after = resume?.day === day ? resume.after : undefined;
      let counts = runReminders(options, at, IDLE_DRAFT_BATCH, after);
      for (;;) {
        after = counts.after ?? after;
        resume = { day, after };
        if (counts.digests + counts.idle + counts.certificates > 0) {
          log.info(
            { digests: counts.digests, idle: counts.idle, certificates: counts.certificates },
            "reminders queued",
          );
          notify();
        }
        if (!counts.more || stopped) break;
        await new Promise((resolve) => setImmediate(resolve));
        counts = queueIdleDrafts(options, at, IDLE_DRAFT_BATCH, after);
      }
    } catch (err) {
      log.error(
        { err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) },
        "reminders failed",
      );
    } finally {
      running = false;
    }
  };
  const first = delayMs > 0 ? setTimeout(() => void tick(), delayMs).unref() : void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

/** The reminders a person receives: they turn their own on or off (/nhacnho). */
export function remindersService({ db }: CoreDeps) {
  return {
    /**
     * Turns the actor's reminders off or on (digests, idle-draft and certificate reminders alike);
     * "not-found" for someone who has not given consent.
     */
    set(actor: Actor, off: boolean): { ok: true; off: boolean } | Refused<"not-found"> {
      if (actor === undefined || !hasConsent(findUser(db, actor))) return refuse("not-found");
      setRemindersOff(db, actor, off);
      return { ok: true, off };
    },
  };
}
