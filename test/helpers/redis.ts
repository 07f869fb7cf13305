// Tests that need Redis use REDIS_URL (default 127.0.0.1:6379). Without Redis they are skipped with a
// visible notice, unless REQUIRE_REDIS=1 (set by .ci/run): then a missing Redis fails the run.
import { Redis } from "ioredis";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export async function connectRedis(options: { keyPrefix?: string } = {}): Promise<Redis | undefined> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    ...options,
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (e) {
    redis.disconnect();
    if (process.env.REQUIRE_REDIS === "1")
      throw new Error(`REQUIRE_REDIS=1 but Redis does not answer at ${REDIS_URL}: ${String(e)}`);
    console.warn(
      `NOTICE: Redis does not answer at ${REDIS_URL}; the tests that need it are SKIPPED. Set REDIS_URL or start redis-server.`,
    );
    return undefined;
  }
}
