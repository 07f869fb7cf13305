// An OCOP certificate's life after the result: when it expires, when a re-rating may be filed, and
// which expiry reminder is due. Days are "YYYY-MM-DD" (Vietnam's calendar day). Pure functions.

/** A certificate for 3★ or more is valid for 36 months from its issue (Decision 26/2026/QĐ-TTg, Art. 4 khoản 3). */
export const CERTIFICATE_MONTHS = 36;

/** Producers and members are reminded this many months before the certificate expires. */
export const EXPIRY_REMINDER_MONTHS = [6, 3] as const;
export type ExpiryReminder = (typeof EXPIRY_REMINDER_MONTHS)[number];

/**
 * A re-rating dossier is filed "không sớm hơn 180 ngày và không muộn hơn 120 ngày" before the
 * certificate expires (Decision 26/2026/QĐ-TTg, Art. 7 khoản 6 điểm a).
 */
export const RERATING_WINDOW_DAYS = { from: 180, by: 120 } as const;

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y!, m!, d!];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The same day `months` later (or earlier); the month's last day when it has no such day (31/8 + 6 → 28/2 or 29/2). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return iso(first);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

export interface CertificateTimeline {
  /** The decision's day: the certificate's issue. */
  issued: string;
  /** The last day the certificate is valid: the same day 36 months later (Civil Code 2015, Art. 147–148). */
  expires: string;
  /** The first and last day a re-rating dossier may be filed. */
  refileFrom: string;
  refileBy: string;
}

export function certificateTimeline(decisionDate: string): CertificateTimeline {
  const expires = addMonths(decisionDate, CERTIFICATE_MONTHS);
  return {
    issued: decisionDate,
    expires,
    refileFrom: addDays(expires, -RERATING_WINDOW_DAYS.from),
    refileBy: addDays(expires, -RERATING_WINDOW_DAYS.by),
  };
}

/**
 * The expiry reminder due on `today` for a certificate issued on `decisionDate`: the nearest
 * milestone (6, then 3 months before expiry) already reached, while the certificate is still
 * valid; undefined before the first milestone and after expiry. A reminder missed while the bot
 * was down is not sent once the next milestone is reached: only the nearer one is.
 */
export function expiryReminderDue(decisionDate: string, today: string): ExpiryReminder | undefined {
  const { expires } = certificateTimeline(decisionDate);
  if (today > expires) return undefined;
  let due: ExpiryReminder | undefined;
  for (const months of EXPIRY_REMINDER_MONTHS) if (today >= addMonths(expires, -months)) due = months;
  return due;
}
