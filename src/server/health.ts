// GET /healthz for a load balancer or a supervisor: 200 when everything the bot needs answers, 503
// naming what does not. The answer holds no personal data, only the names of the checks.
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "../db/client.js";

/** A check throws (or rejects) when its dependency does not answer. */
export type HealthChecks = Record<string, () => unknown>;

/** A check that does not answer within this time counts as failed. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

export interface HealthReport {
  status: "ok" | "unavailable";
  /** Each check by name: "ok" or "unavailable". */
  checks: Record<string, "ok" | "unavailable">;
}

/** Runs every check at once, each within HEALTH_CHECK_TIMEOUT_MS. */
export async function runHealthChecks(checks: HealthChecks): Promise<HealthReport> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), HEALTH_CHECK_TIMEOUT_MS)),
      );
      try {
        await Promise.race([Promise.resolve().then(check), timeout]);
        return [name, "ok"] as const;
      } catch {
        return [name, "unavailable"] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { status: results.every(([, r]) => r === "ok") ? "ok" : "unavailable", checks: Object.fromEntries(results) };
}

/** GET /healthz: 200 and the report when every check passes, 503 and the report otherwise. */
export function healthRoute(app: FastifyInstance, checks: HealthChecks): void {
  app.get("/healthz", async (_request, reply) => {
    const report = await runHealthChecks(checks);
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });
}

/** The database answers a trivial query (it throws once the database is closed). */
export function databaseAnswers(db: Db): () => void {
  return () => void db.$client.prepare("SELECT 1").get();
}

/** Every one of these Redis connections is up and answers PING (without waiting for a reconnection). */
export function redisAnswers(...clients: Redis[]): () => Promise<void> {
  return async () => {
    for (const redis of clients) {
      if (redis.status !== "ready") throw new Error(`redis ${redis.status}`);
      await redis.ping();
    }
  };
}
