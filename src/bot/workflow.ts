// Who the Telegram user is for the menus: the use cases check every role again on the server.
import type { BotContext } from "./context.js";

/** Provincial administrators, from ADMIN_IDS (Telegram ids): which menus to offer. */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}
