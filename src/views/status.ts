// The head of an application's status, for every channel: its state, the self-assessed score, the
// official result and the certificate's validity.
import { formatDate } from "../dates.js";
import { vnDate } from "../domain/calendar.js";
import { certificateTimeline } from "../domain/certificate.js";
import type { Translate } from "../i18n.js";
import type { ApplicationStatus } from "../services/applications.js";
import { answeredCount } from "../services/assessment.js";

/**
 * The status's first lines: product and state, the score (or none yet), the official result and
 * the certificate (valid 36 months from the decision: Decision 26/2026/QĐ-TTg, Art. 4 khoản 3) when it has 3★
 * or more. `t` translates for the channel (escaping string arguments where it renders markup).
 */
export function statusSummaryLines(t: Translate, status: ApplicationStatus, now = new Date()): string[] {
  const { app, product } = status.assessment;
  const { readiness: r, official } = status;
  const lines = [
    t("status-head", { product: product.name, state: t(`state-${app.state}`) }),
    answeredCount(status.assessment) === 0
      ? t("status-score-none")
      : t("status-score", { total: r.total, stars: r.stars }),
  ];
  if (official)
    lines.push(
      t("status-official", {
        stars: official.stars,
        decision: official.decisionNumber,
        date: formatDate(official.decisionDate),
      }),
    );
  if (official && official.stars >= 3) {
    const { expires } = certificateTimeline(official.decisionDate);
    lines.push(
      t(expires < vnDate(now) ? "status-certificate-expired" : "status-certificate", { expires: formatDate(expires) }),
    );
  }
  return lines;
}
