// Every screen of the web chat, one module per part of the journey.
import type { FastifyInstance } from "fastify";
import type { WebDeps } from "../context.js";
import { accountRoutes } from "./account.js";
import { notificationsRoutes } from "./notifications.js";
import { welcomeRoutes } from "./welcome.js";

export async function webRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  welcomeRoutes(app, deps);
  accountRoutes(app, deps);
  notificationsRoutes(app, deps);
}
