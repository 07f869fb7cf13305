// One person, one account on Telegram and the web: a code from either side joins them. The bot and
// the web chat run on the same database, as in production.
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userIdentities, users } from "../../src/db/schema.js";
import { databaseAnswers } from "../../src/server/health.js";
import { createServer } from "../../src/server/index.js";
import { createServices } from "../../src/services/index.js";
import { telegramIdentity, userIdOf } from "../../src/services/people.js";
import { lastText, useHarness } from "../helpers/bot.js";
import { databaseRows } from "../helpers/database-rows.js";
import { addHoney, consentAndName, registerProducer } from "../helpers/journeys.js";
import { Browser, TEST_TELEGRAM } from "../helpers/web.js";
import { catalog, holidays, i18n, units } from "../helpers/world.js";

const h = useHarness();
let web: FastifyInstance;
let services: ReturnType<typeof createServices>;

beforeEach(async () => {
  services = createServices({ db: h.db, catalog, adminUnits: units, adminIds: [], holidays, notify: () => undefined });
  web = createServer({
    logger: pino({ level: "silent" }),
    health: { database: databaseAnswers(h.db) },
    web: {
      services,
      catalog,
      adminUnits: units,
      adminIds: [],
      i18n,
      logger: pino({ level: "silent" }),
      publicUrl: "http://localhost:8080",
      filesDir: "/nonexistent",
      cookieSecret: Buffer.alloc(32, 7),
      telegram: TEST_TELEGRAM,
    },
  });
  await web.ready();
});
afterEach(() => web.close());

const sessionUser = (b: Browser) => services.accounts.userOfSession(b.cookies.get("ocop_session"))?.id;

/** A person who consented on the web and gave a name: a web account with nothing of their own yet. */
async function webNewcomer(): Promise<Browser> {
  const b = new Browser(web);
  await b.get("/");
  await b.press("Đồng ý");
  services.people.setName(sessionUser(b), "Trần Văn Nam");
  return b;
}

/** The link code the web account page shows, as typed to the bot. */
async function webLinkCode(b: Browser): Promise<string> {
  await b.get("/account");
  await b.press("Liên kết Telegram");
  const shown = /\/lienket (\d{8})/.exec(b.page.text)?.[1];
  expect(shown, b.page.text).toBeTruthy();
  return shown!;
}

describe("linking Telegram from the web (/lienket <code>)", () => {
  it("a Telegram account the bot never saw becomes the web account's", async () => {
    const b = await webNewcomer();
    const code = await webLinkCode(b);
    const u = h.api.user({ id: 7001, first_name: "Nam" });
    await h.deliver(u.command("/lienket", code));
    expect(lastText(u)).toContain("Đã liên kết");
    expect(h.userId(7001)).toBe(sessionUser(b));
    // The account page says so; the code is used up.
    await b.get("/account");
    expect(b.page.text).toContain("TelegramĐã liên kết");
    const v = h.api.user({ id: 7002, first_name: "Other" });
    await h.deliver(v.command("/lienket", code));
    expect(lastText(v)).toContain("Mã không đúng hoặc đã hết hạn");
  });

  it("an empty Telegram account (consent and a name only) is folded into the web account", async () => {
    const u = h.api.user({ id: 7003, first_name: "Nam" });
    await consentAndName(h, u, "Trần Văn Nam", "0912345678");
    const telegramOnly = h.userId(7003);
    const b = await webNewcomer();
    await h.deliver(u.command("/lienket", await webLinkCode(b)));
    expect(lastText(u)).toContain("Đã liên kết");
    expect(h.userId(7003)).toBe(sessionUser(b));
    expect(h.db.select().from(users).where(eq(users.id, telegramOnly)).get()).toBeUndefined();
  });

  it("a Telegram account with its own producer is not merged: a clear refusal, nothing changed", async () => {
    const u = h.api.user({ id: 7004, first_name: "Lan" });
    await registerProducer(h, u);
    const b = await webNewcomer();
    const code = await webLinkCode(b);
    const before = databaseRows(h.db);
    await h.deliver(u.command("/lienket", code));
    expect(lastText(u)).toContain("không gộp");
    const { sessions: _a, processed_updates: _b, ...rest } = databaseRows(h.db);
    const { sessions: _c, processed_updates: _d, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it("wrong codes are refused, and guessing is slowed down", async () => {
    const u = h.api.user({ id: 7005, first_name: "G" });
    for (let i = 0; i < 5; i++) {
      await h.deliver(u.command("/lienket", `1234567${i}`));
      expect(lastText(u)).toContain("Mã không đúng hoặc đã hết hạn");
    }
    await h.deliver(u.command("/lienket", "12345679"));
    expect(lastText(u)).toContain("sai mã nhiều lần");
    expect(userIdOf(h.db, telegramIdentity(7005))).toBeUndefined();
  });
});

describe("continuing a Telegram assessment on the web (/lienket, then the code on /sign-in)", () => {
  it("the browser signs in as the Telegram account and resumes at the same question", async () => {
    const u = h.api.user({ id: 7010, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u);
    // Two answers on Telegram.
    for (let i = 0; i < 2; i++) {
      const option = u
        .chat()
        .last()!
        .buttons.find((b) => /^\d+ · \d+đ$/.test(b.text) || b.text === "✅ Đúng");
      await h.deliver(u.press(option!.text));
    }
    const telegramUser = h.userId(7010);
    const onTelegram = services.assessment.resumePoint(telegramUser);
    expect(onTelegram).toBeTruthy();

    await h.deliver(u.command("/lienket"));
    expect(lastText(u)).toContain("http://localhost:8080/sign-in");
    const code = /(\d{4} \d{4})/.exec(lastText(u))![1]!;

    const b = new Browser(web);
    await b.get("/sign-in");
    await b.press("Đăng nhập", { code });
    expect(sessionUser(b)).toBe(telegramUser);
    expect(b.page.text).toContain("Chào Nguyễn Thị Lan");
    expect(b.page.text).toContain("Làm tiếp");
    expect(services.assessment.resumePoint(sessionUser(b))).toEqual(onTelegram);
    // One account: the Telegram identity and the new web identity point to the same user.
    const identities = h.db.select().from(userIdentities).where(eq(userIdentities.userId, telegramUser)).all();
    expect(identities.map((i) => i.channel).sort()).toEqual(["telegram", "web"]);
  });

  it("/lienket before consent asks for consent first", async () => {
    const u = h.api.user({ id: 7011, first_name: "New" });
    await h.deliver(u.command("/lienket"));
    expect(lastText(u)).toContain("Bạn có đồng ý không?");
  });
});
