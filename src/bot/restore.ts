// A session that was lost (Redis restarted empty, a row deleted) is rebuilt from the database,
// where every answer lives: the registration item still missing, or the self-assessment's next
// question. The user is then asked only what is missing, not everything again.
import type { MiddlewareFn } from "grammy";
import { hasConsent } from "../services/people.js";
import { missingRegistrationItem } from "../services/profile.js";
import type { BotContext } from "./context.js";

/** Fills a session that has never been marked (`v`) with what the database says the user is doing. */
export const restoreSession: MiddlewareFn<BotContext> = (ctx, next) => {
  if (ctx.session.v === 1) return next();
  ctx.session.v = 1;
  const user = ctx.user;
  if (!hasConsent(user) || ctx.session.step) return next();
  const profile = ctx.services.people.profile(user.id);
  const missing = profile && missingRegistrationItem(profile);
  if (missing) {
    ctx.session.step = `reg-${missing}`;
    ctx.log.info({ step: missing }, "session rebuilt from the database");
    return next();
  }
  const resume = ctx.services.assessment.resumePoint(user.id);
  if (resume) {
    Object.assign(ctx.session, { step: "assess", ...resume });
    ctx.log.info({ step: "assess" }, "session rebuilt from the database");
  }
  return next();
};
