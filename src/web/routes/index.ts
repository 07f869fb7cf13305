// Every screen of the web chat, one module per part of the journey.
import type { FastifyInstance } from "fastify";
import type { WebDeps } from "../context.js";
import { recentPosts } from "../once.js";
import { accountRoutes } from "./account.js";
import { adminRoutes } from "./admin.js";
import { afterResultRoutes } from "./after-result.js";
import { applicationsRoutes } from "./applications.js";
import { assessmentRoutes } from "./assessment.js";
import { dossierRoutes } from "./dossier.js";
import { evidenceRoutes } from "./evidence.js";
import { membersRoutes } from "./members.js";
import { notificationsRoutes } from "./notifications.js";
import { officerRoutes } from "./officer.js";
import { productActionsRoutes } from "./product-actions.js";
import { productsRoutes } from "./products.js";
import { registrationRoutes } from "./registration.js";
import { welcomeRoutes } from "./welcome.js";

export async function webRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  welcomeRoutes(app, deps);
  registrationRoutes(app, deps);
  const recent = recentPosts();
  productsRoutes(app, deps, recent);
  productActionsRoutes(app, deps, recent);
  afterResultRoutes(app, deps, recent);
  assessmentRoutes(app, deps);
  officerRoutes(app, deps);
  adminRoutes(app, deps);
  evidenceRoutes(app, deps);
  dossierRoutes(app, deps);
  applicationsRoutes(app, deps);
  membersRoutes(app, deps);
  accountRoutes(app, deps);
  notificationsRoutes(app, deps);
}
