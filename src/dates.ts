// Dates as people in Vietnam read them: dd/mm/yyyy (and HH:mm), always in Asia/Ho_Chi_Minh,
// whatever the machine's time zone. The one formatter for messages, timelines, forms and exports;
// storage keeps ISO days ("YYYY-MM-DD") and instants.
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

const FORMATTER = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar day: a Date (read in Vietnam) or an ISO string starting "YYYY-MM-DD". */
export type DateInput = Date | string;

export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

interface Parts extends DayMonthYear {
  hour: number;
  minute: number;
}

function partsOf(instant: Date): Parts | undefined {
  if (Number.isNaN(instant.getTime())) return undefined;
  const p = Object.fromEntries(FORMATTER.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

/** The calendar day of a Date in Vietnam, or of an ISO day string; undefined when unreadable. */
export function dateParts(date: DateInput | undefined | null): DayMonthYear | undefined {
  if (date === undefined || date === null) return undefined;
  if (typeof date === "string") {
    const m = ISO_DAY.exec(date.trim());
    return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  }
  const p = partsOf(date);
  return p && { day: p.day, month: p.month, year: p.year };
}

const two = (n: number) => String(n).padStart(2, "0");

/** "15/03/2018" for a Date (in Vietnam) or "2018-03-15"; "" for nothing; other text unchanged. */
export function formatDate(date: DateInput | undefined | null): string {
  const p = dateParts(date);
  if (p) return `${two(p.day)}/${two(p.month)}/${p.year}`;
  return typeof date === "string" ? date : "";
}

/** "28/11/2026 15:04" in Vietnam. */
export function formatDateTime(instant: Date): string {
  const p = partsOf(instant);
  return p ? `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}` : "";
}

/** "15:04": the time of day in Vietnam, on the 24-hour clock. */
export function formatTime(instant: Date): string {
  const p = partsOf(instant);
  return p ? `${two(p.hour)}:${two(p.minute)}` : "";
}

/** The calendar day in Vietnam as "YYYY-MM-DD" (for storage, keys and file names). */
export function isoDay(instant: Date): string {
  const p = partsOf(instant);
  if (!p) throw new RangeError("isoDay: invalid Date");
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/**
 * A Date at 00:00 UTC of the day in Vietnam: what a spreadsheet cell needs to show that day
 * (spreadsheets have no time zones; ExcelJS writes Dates as UTC serials).
 */
export function spreadsheetDay(date: DateInput | undefined | null): Date | undefined {
  const p = dateParts(date);
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : undefined;
}

/** The number format of date cells in exported spreadsheets. */
export const SPREADSHEET_DATE_FORMAT = "dd/mm/yyyy";

const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Why a typed day was refused: unreadable or no such day, after today in Vietnam, or before the earliest day allowed. */
export type TypedDayRefusal = "format" | "future" | "too-early";

/**
 * A day typed the Vietnamese way (15/03/2018, 15-3-2018, 15.03.2018) read and checked: it must
 * exist, not be after `today` in Vietnam (a date people report has happened), and not be before
 * `earliest` (an instant or ISO day, e.g. a decision cannot precede the submission) when given.
 * Returns the ISO day ("YYYY-MM-DD"), or the reason it was refused (with the day when it exists).
 */
export function readTypedDay(
  text: string,
  limits: { today: Date; earliest?: DateInput | null },
): { ok: true; day: string } | { ok: false; reason: TypedDayRefusal; day?: string } {
  const m = TYPED_DAY.exec(text.trim());
  if (!m) return { ok: false, reason: "format" };
  const [year, month, day] = [Number(m[3]), Number(m[2]), Number(m[1])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return { ok: false, reason: "format" };
  const iso = `${year}-${two(month)}-${two(day)}`;
  if (iso > isoDay(limits.today)) return { ok: false, reason: "future", day: iso };
  const earliest = limits.earliest ? dayOf(limits.earliest) : undefined;
  if (earliest && iso < earliest) return { ok: false, reason: "too-early", day: iso };
  return { ok: true, day: iso };
}

function dayOf(date: DateInput): string | undefined {
  const p = dateParts(date);
  return p && `${p.year}-${two(p.month)}-${two(p.day)}`;
}
