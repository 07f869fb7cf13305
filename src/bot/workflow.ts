// Glue between handlers and the workflow service.
import { getI18n } from "../i18n.js";
import type { WorkflowDeps } from "../services/workflow.js";
import type { BotContext } from "./context.js";

/** Notifications are rendered in each recipient's language, so the service needs translations. */
export function workflowDeps(ctx: BotContext): WorkflowDeps {
  const { db, catalog, adminUnits, adminIds } = ctx.deps;
  return { db, catalog, i18n: getI18n(), adminUnits, adminIds };
}

/** Provincial administrators, from ADMIN_IDS. */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}
