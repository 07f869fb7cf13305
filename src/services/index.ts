// The core's use cases, one object for every channel (Telegram today, the web chat next). Each
// use case takes the actor (an internal user id), authorizes it from the database, runs its writes
// in one synchronous transaction and returns plain data for the channel to render.
import { accountsService } from "./accounts.js";
import { applicationsService } from "./applications.js";
import { assessmentService } from "./assessment.js";
import type { CoreDeps } from "./core.js";
import { dossierService } from "./dossier.js";
import { evidenceService } from "./evidence-files.js";
import { exportService } from "./export.js";
import { membershipService } from "./membership.js";
import { notificationsService } from "./notifications.js";
import { officerService } from "./officer.js";
import { productsService } from "./products.js";
import { peopleService } from "./profile.js";
import { reachabilityService } from "./reachability.js";
import { reassessmentService } from "./reassessment.js";
import { remindersService } from "./reminders.js";
import { rubricVersionsService } from "./rubric-versions.js";

/** Every use case, bound to its dependencies. */
export function createServices(deps: CoreDeps) {
  return {
    assessment: assessmentService(deps),
    people: peopleService(deps),
    products: productsService(deps),
    applications: applicationsService(deps),
    membership: membershipService(deps),
    reminders: remindersService(deps),
    rubricVersions: rubricVersionsService(deps),
    reachability: reachabilityService(deps),
    dossier: dossierService(deps),
    evidence: evidenceService(deps),
    reassessment: reassessmentService(deps),
    officer: officerService(deps),
    exports: exportService(deps),
    notifications: notificationsService(deps),
    accounts: accountsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Actor, CoreDeps, Refused } from "./core.js";
