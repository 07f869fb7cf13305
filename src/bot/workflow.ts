// Glue between handlers and the workflow service.
import type { I18n } from "@grammyjs/i18n";
import { createI18n } from "../i18n.js";
import type { WorkflowDeps } from "../services/workflow.js";
import type { BotContext } from "./context.js";

let i18n: I18n | undefined;

/** Notifications are rendered in each recipient's language, so the service needs translations. */
export function workflowDeps(ctx: BotContext): WorkflowDeps {
  i18n ??= createI18n();
  const { db, catalog, adminUnits, adminIds } = ctx.deps;
  return { db, catalog, i18n, adminUnits, adminIds };
}

/** Provincial administrators, from ADMIN_IDS. */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}
