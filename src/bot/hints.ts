// Where a user's hints and menus point: the administrator's, the officer's or the producer's own.
// For what to show only: the use cases check every role again on the server.
import type { BotContext } from "./context.js";

/** Provincial administrators, from ADMIN_IDS (Telegram ids): which menus to offer. */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}

/**
 * Whose menu the user's hints point to: an administrator's (/quantri), an officer's with no
 * organisation of their own (/hoso), or a producer's (/sanpham, /tieptuc).
 */
export function desk(ctx: BotContext): "admin" | "officer" | "producer" {
  if (isAdmin(ctx)) return "admin";
  const profile = ctx.services.people.profile(ctx.user?.id);
  if (profile && !profile.organisation && profile.officerOf.length > 0) return "officer";
  return "producer";
}

/** The answer to a button that is old or no longer usable, pointing to the user's own menu. */
export function staleButtonText(ctx: BotContext): string {
  const who = desk(ctx);
  return ctx.t(who === "producer" ? "stale-button" : `stale-button-${who}`);
}
