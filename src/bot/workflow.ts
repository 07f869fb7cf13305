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

/** "28/11/2026 15:04" in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function formatVnDateTime(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export { formatVnDay } from "../text.js";

/** Provincial administrators, from ADMIN_IDS. */
export function isAdmin(ctx: BotContext): boolean {
  return !!ctx.from && ctx.deps.adminIds.includes(ctx.from.id);
}
