// What the result page of a rated application adds: the producer's score beside the council's
// (once the council's points per part are recorded), the re-assessment buttons the services offer,
// and, for an officer who may record them, the link to the council's points.
import type { FastifyRequest } from "fastify";
import { comparisonLines } from "../../services/calibration.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton } from "../layout.js";
import { ONCE_FIELD, onceKey } from "../once.js";

/** The comparison with the council's points and the re-assessment buttons; empty before the official result. */
export function afterResultSection(req: FastifyRequest, deps: WebDeps, applicationId: number): Html {
  const { actor, text } = req.visitor;
  const { reassessment } = deps.services;
  const calibration = reassessment.calibration(actor, applicationId);
  const compared = calibration.ok ? calibration.calibration : undefined;
  const kinds = reassessment.kinds(actor, applicationId);
  const once = onceKey();
  const mayRecord = reassessment.pointsFor(actor, applicationId).ok;
  return html`${
    compared
      ? html`<section class="msg card"><b>${text("status-calibration")}</b>
${comparisonLines(text, req.visitor.locale, compared).join("\n")}</section>`
      : ""
  }
${
  kinds.length
    ? html`<div class="actions">${kinds.map((kind) =>
        actionButton(
          req,
          `/a/${applicationId}/reassess`,
          text(`btn-reassess-${kind}`),
          { kind, [ONCE_FIELD]: once },
          "primary",
        ),
      )}</div>`
    : ""
}
${mayRecord ? html`<div class="actions">${linkButton(`/a/${applicationId}/council-points`, text("btn-official-points"))}</div>` : ""}`;
}
