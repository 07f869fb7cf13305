// The Telegram channel's side of notifications: the dispatcher with this channel's renderer, and
// what follows when someone cannot be reached.
import type { I18n } from "@grammyjs/i18n";
import type { AdminUnits } from "../../geo/communes.js";
import { notificationsService } from "../../services/notifications.js";
import { handleUndeliverable } from "../../services/reachability.js";
import type { WorkflowDeps } from "../../services/workflow.js";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./dispatcher.js";
import { renderNotification } from "./render.js";

export type { Dispatcher, DispatcherOptions } from "./dispatcher.js";
export { renderNotification, type TelegramMessage } from "./render.js";

export interface TelegramNotificationOptions extends Omit<DispatcherOptions, "render" | "onUndeliverable"> {
  i18n: I18n;
  adminUnits: AdminUnits;
  /** When given, a recipient who blocked the bot is marked unreachable, and the administrators told when it was an officer. */
  workflow?: WorkflowDeps;
}

/** The dispatcher that renders each notification for its recipient's Telegram chat and sends it (see dispatcher.ts). */
export function createTelegramDispatcher(options: TelegramNotificationOptions): Dispatcher {
  const { i18n, adminUnits, workflow, ...rest } = options;
  const notifications = notificationsService(rest);
  return createDispatcher({
    ...rest,
    render: (row) => renderNotification({ notifications, i18n, adminUnits }, row),
    ...(workflow
      ? { onUndeliverable: (row, code, description) => void handleUndeliverable(workflow, row, code, description) }
      : {}),
  });
}
