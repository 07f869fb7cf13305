// Glue between handlers and the workflow service.
import type { WorkflowDeps } from "../services/workflow.js";
import type { BotContext } from "./context.js";

/** What the workflow service needs, from the bot's dependencies. */
export function workflowDeps(ctx: BotContext): WorkflowDeps {
  const { db, catalog, adminUnits, adminIds } = ctx.deps;
  return { db, catalog, adminUnits, adminIds };
}

/** The acting user's internal id; 0, which holds no role, before the user exists (no consent yet). */
export function actorId(ctx: BotContext): number {
  return ctx.user?.id ?? 0;
}

/** Provincial administrators, from ADMIN_IDS (Telegram ids). */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}
