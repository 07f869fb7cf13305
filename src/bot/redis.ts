// The Redis connection when several instances share the work (REDIS_URL). An outage must not crash
// the bot nor leave people without an answer: errors are logged once per outage (ioredis prints
// "Unhandled error event" for every failed reconnection without a listener), and a command fails
// after one reconnection attempt, inside the error boundary, which answers "try again later".
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";

/** A client for `url`, connecting (and reconnecting after an outage) in the background, logging its outages. */
export function createRedis(url: string, logger: Logger, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, ...options });
  const log = logger.child({ component: "redis", prefix: options.keyPrefix });
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: err.message }, "Redis unavailable: answering “try again later” until it is back");
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    log.info("Redis is back");
  });
  return redis;
}
