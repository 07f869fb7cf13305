// Working days and deadlines in Vietnam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving).
// Days are "YYYY-MM-DD" strings; the arithmetic uses a fixed +7h offset and UTC dates, never the
// machine's time zone. Pure functions: the holidays are given (src/services/holidays.ts reads them).
//
// A period in days starts the day after the event (Civil Code 2015, Art. 147): the day of receipt
// does not count, the 15th working day after it is the commune's last day.
import { z } from "zod";

/** Days off besides weekends, as "YYYY-MM-DD". */
export type Holidays = ReadonlySet<string>;

export interface ProvincialDeadline {
  /** The last day the commune may propose the dossier to the province. */
  proposeBy: string;
  /** The day by which the province rates the dossiers proposed by then. */
  ratedBy: string;
}

/** Decision 26/2026, Art. 7: the commune reports and forwards within 15 working days of receipt. */
export const COMMUNE_WORKING_DAYS = 15;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the string is a real calendar day written "YYYY-MM-DD". */
export function isValidDay(day: string): boolean {
  return !Number.isNaN(dayNumberOrNaN(day));
}

function dayNumberOrNaN(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) return Number.NaN;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(year, month - 1, date);
  const d = new Date(t);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02 and maps years 0–99 to 1900–1999: refuse both.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return Number.NaN;
  return t / DAY_MS;
}

/** Days since 1970-01-01. */
function dayNumber(day: string): number {
  const n = dayNumberOrNaN(day);
  if (Number.isNaN(n)) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return n;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDayNumber(n: number, holidays: Holidays): boolean {
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayString(n));
}

/** The working days d with after < d ≤ upTo (0 when upTo ≤ after). */
function workingDaysBetween(after: number, upTo: number, holidays: Holidays): number {
  let count = 0;
  for (let n = after + 1; n <= upTo; n++) if (isWorkingDayNumber(n, holidays)) count++;
  return count;
}

/** The calendar day in Vietnam at that instant, "YYYY-MM-DD". */
export function vnDate(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("vnDate: invalid Date");
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Not a Saturday, not a Sunday, not a holiday. */
export function isWorkingDay(day: string, holidays: Holidays): boolean {
  return isWorkingDayNumber(dayNumber(day), holidays);
}

/**
 * The n-th working day after fromDay (fromDay itself does not count); fromDay for n = 0; for a
 * negative n, the |n|-th working day before fromDay.
 */
export function addWorkingDays(fromDay: string, n: number, holidays: Holidays): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: not an integer: ${n}`);
  let day = dayNumber(fromDay);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day, holidays)) left--;
  }
  return dayString(day);
}

/** The commune's last day: the days-th working day after the day of receipt in Vietnam. */
export function communeDeadline(receivedAt: Date, holidays: Holidays, days = COMMUNE_WORKING_DAYS): string {
  return addWorkingDays(vnDate(receivedAt), days, holidays);
}

/**
 * Working days left to the commune: those after today up to and including the deadline (0 when
 * today is the deadline). Once the deadline day is over, minus the working days after the
 * deadline up to and including today, and at least -1 (so a weekend right after the deadline
 * reads as overdue, not as 0).
 */
export function workingDaysLeft(receivedAt: Date, now: Date, holidays: Holidays, days = COMMUNE_WORKING_DAYS): number {
  const deadline = dayNumber(communeDeadline(receivedAt, holidays, days));
  const today = dayNumber(vnDate(now));
  if (today <= deadline) return workingDaysBetween(today, deadline, holidays);
  return -Math.max(1, workingDaysBetween(deadline, today, holidays));
}

/**
 * The next provincial round on or after today in Vietnam (Decision 26/2026, Art. 7): dossiers
 * proposed by 30 April are rated by 30 June, those proposed by 30 October by 30 December.
 */
export function nextProvincialDeadline(now: Date): ProvincialDeadline {
  const today = vnDate(now);
  const year = Number(today.slice(0, 4));
  const md = today.slice(5);
  const y = String(year).padStart(4, "0");
  if (md <= "04-30") return { proposeBy: `${y}-04-30`, ratedBy: `${y}-06-30` };
  if (md <= "10-30") return { proposeBy: `${y}-10-30`, ratedBy: `${y}-12-30` };
  const next = String(year + 1).padStart(4, "0");
  return { proposeBy: `${next}-04-30`, ratedBy: `${next}-06-30` };
}

const HolidaysFileSchema = z.strictObject({
  source: z.string().trim().min(1, "say where the days come from"),
  days: z.array(z.string().refine(isValidDay, "not a real day written YYYY-MM-DD")),
});

/**
 * Validates the content of a holidays file ({ "source": "...", "days": ["YYYY-MM-DD", ...] }).
 * Throws an Error naming origin and every problem (path and message) when it is malformed.
 */
export function parseHolidays(json: unknown, origin = "holidays"): Holidays {
  const parsed = HolidaysFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".") || "(root)";
      const value = valueAt(json, issue.path);
      return `${path}: ${issue.message}${typeof value === "string" ? ` (${JSON.stringify(value)})` : ""}`;
    });
    throw new Error(`${origin}: invalid holidays file:\n  ${problems.join("\n  ")}`);
  }
  return new Set(parsed.data.days);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
