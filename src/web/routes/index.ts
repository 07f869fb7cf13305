// Every screen of the web chat, one module per part of the journey.
import type { FastifyInstance } from "fastify";
import type { WebDeps } from "../context.js";
import { recentPosts } from "../once.js";
import { afterResultRoutes } from "./after-result.js";
import { assessmentRoutes } from "./assessment.js";
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
}
