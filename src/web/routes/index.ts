// Every screen of the web chat, one module per part of the journey.
import type { FastifyInstance } from "fastify";
import type { WebDeps } from "../context.js";
import { applicationsRoutes } from "./applications.js";
import { dossierRoutes } from "./dossier.js";
import { evidenceRoutes } from "./evidence.js";
import { membersRoutes } from "./members.js";
import { welcomeRoutes } from "./welcome.js";

export async function webRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  welcomeRoutes(app, deps);
  evidenceRoutes(app, deps);
  dossierRoutes(app, deps);
  applicationsRoutes(app, deps);
  membersRoutes(app, deps);
}
