// The core's use cases, one object for every channel (Telegram today, the web chat next). Each
// use case takes the actor (an internal user id), authorizes it from the database, runs its writes
// in one synchronous transaction and returns plain data for the channel to render.
import { assessmentService } from "./assessment.js";
import type { CoreDeps } from "./core.js";
import { exportService } from "./export.js";
import { notificationsService } from "./notifications.js";
import { officerService } from "./officer.js";

/** Every use case, bound to its dependencies. */
export function createServices(deps: CoreDeps) {
  return {
    assessment: assessmentService(deps),
    officer: officerService(deps),
    exports: exportService(deps),
    notifications: notificationsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Actor, CoreDeps, Refused } from "./core.js";
