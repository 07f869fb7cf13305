// Officers the bot cannot reach: the rule lives in the service, called by the outbox dispatcher.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications, users } from "../../src/db/schema.js";
import { adminUnits } from "../../src/geo/communes.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { createOfficerInvite } from "../../src/services/membership.js";
import { telegramIdentity, userIdOf } from "../../src/services/people.js";
import { handleUndeliverable, meansUnreachable } from "../../src/services/reachability.js";
import { communeRouting } from "../../src/services/workflow.js";
import { useHarness } from "../helpers/bot.js";
import { addHoney, assessWithEvidence, consentAndName, registerProducer } from "../helpers/journeys.js";
import { telegramOutbox } from "../helpers/world.js";

const ADMIN = 9000;
const h = useHarness({ adminIds: [ADMIN] });

describe("an undeliverable notification", () => {
  it("means unreachable for 403 and for a chat that was never opened, not for other refusals", () => {
    expect(meansUnreachable(403, "Forbidden: bot was blocked by the user")).toBe(true);
    expect(meansUnreachable(403, "Forbidden: user is deactivated")).toBe(true);
    expect(meansUnreachable(400, "Bad Request: chat not found")).toBe(true);
    expect(meansUnreachable(400, "Bad Request: message is too long")).toBe(false);
    expect(meansUnreachable(undefined, "reply_markup is not valid JSON")).toBe(false);
  });

  it("to two officers of a commune: both marked, the administrators told of each, the producer once, when none is left", async () => {
    const communeCode = adminUnits().search("cai nuoc ca mau", 1)[0]!.code;
    const officers = [8501, 8502];
    for (const id of officers) {
      const invite = createOfficerInvite(h.db, [communeCode], ADMIN);
      await consentAndName(
        h,
        h.api.user({ id, first_name: "Cán bộ" }),
        `Cán Bộ Số ${id % 10}`,
        `098765432${id % 10}`,
        `officer_${invite.code}`,
      );
    }
    const producer = h.api.user({ id: 8503, first_name: "Lan" });
    await registerProducer(h, producer);
    await addHoney(h, producer);
    await assessWithEvidence(h, producer);
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    const app = h.db.select().from(applications).get()!;
    const deps = { db: h.db, catalog: loadCatalog().value!, adminUnits: adminUnits(), adminIds: [ADMIN] };
    const queued = (chatId: number) => telegramOutbox(h.db).filter((r) => r.chatId === chatId).length;
    // Users are known by their internal ids; the test speaks of them by their Telegram ids.
    const user = (telegramId: number) => userIdOf(h.db, telegramIdentity(telegramId))!;
    const before = { admin: queued(ADMIN), producer: queued(8503) };

    expect(
      handleUndeliverable(
        deps,
        { recipientId: user(8501), applicationId: app.id },
        403,
        "Forbidden: bot was blocked by the user",
      ),
    ).toBe(1);
    expect(communeRouting(h.db, app.communeCode!).routing).toBe("officers");
    expect(
      handleUndeliverable(deps, { recipientId: user(8502), applicationId: app.id }, 400, "Bad Request: chat not found"),
    ).toBe(2);
    expect(communeRouting(h.db, app.communeCode!).routing).toBe("officer-unreachable");
    // A second failure for the same officer: nothing new for the producer.
    expect(
      handleUndeliverable(
        deps,
        { recipientId: user(8502), applicationId: app.id },
        403,
        "Forbidden: bot was blocked by the user",
      ),
    ).toBe(1);
    expect(queued(ADMIN) - before.admin).toBe(3);
    expect(queued(8503) - before.producer).toBe(1);
    // A producer's own failure marks them only; a refusal that is not about reachability, nothing.
    expect(
      handleUndeliverable(
        deps,
        { recipientId: user(8503), applicationId: app.id },
        403,
        "Forbidden: bot was blocked by the user",
      ),
    ).toBe(0);
    expect(
      handleUndeliverable(
        deps,
        { recipientId: user(8501), applicationId: app.id },
        400,
        "Bad Request: message is too long",
      ),
    ).toBe(0);
    const since = (id: number) =>
      h.db
        .select()
        .from(users)
        .where(eq(users.id, user(id)))
        .get()!.unreachableSince;
    expect(officers.map(since).every(Boolean)).toBe(true);
    expect(since(8503)).toBeInstanceOf(Date);
  }, 60_000);
});
