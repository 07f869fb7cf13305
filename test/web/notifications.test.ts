// Notifications on the web: the inbox from the outbox with the same texts as Telegram, the unread
// badge on every page, the live count (Server-Sent Events), the channels a person turns on or off,
// and Web Push through an injectable sender (no push service is ever called).
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { renderNotification } from "../../src/bot/notifications/render.js";
import { outbox, pushSubscriptions, users } from "../../src/db/schema.js";
import { createServer } from "../../src/server/index.js";
import { createServices } from "../../src/services/index.js";
import { notificationsService } from "../../src/services/notifications.js";
import { enqueueNotifications } from "../../src/services/outbox.js";
import type { WebDeps } from "../../src/web/context.js";
import { createNoticeBus } from "../../src/web/live.js";
import { createPushSender, type PushSend } from "../../src/web/push.js";
import { Browser, useWebHarness } from "../helpers/web.js";
import { CAI_NUOC, i18n, units } from "../helpers/world.js";

const h = useWebHarness();
const extra: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of extra.splice(0)) await app.close();
});

/** Another server on the harness's database, with `more` dependencies (the notice bus, Web Push). */
async function serverWith(more: Partial<WebDeps>, notify: () => void = () => undefined): Promise<FastifyInstance> {
  const app = createServer({
    logger: h.deps.logger,
    health: {},
    web: { ...h.deps, services: createServices(h.w.coreDeps({ notify })), ...more },
  });
  extra.push(app);
  await app.ready();
  return app;
}

const idle = (recipientId: number, product: string, answered = 3) =>
  ({ recipientId, kind: "idle-draft", arguments: { product, answered, total: 40 } }) as const;

const badge = (b: Browser) => b.page.dom.querySelector("[data-unread]");

describe("the inbox", () => {
  it("lists the person's notifications newest first, in the Telegram texts, and marks them read when seen", async () => {
    const p = h.w.producer(2001, CAI_NUOC);
    const other = h.w.producer(2002, CAI_NUOC);
    enqueueNotifications(h.db, [idle(p.user.id, "Mật ong <rừng>"), idle(other.user.id, "Không phải của bạn")]);
    enqueueNotifications(h.db, [
      { recipientId: p.user.id, kind: "application-deleted", arguments: { product: "Trà", commune: CAI_NUOC } },
    ]);
    const b = h.signedIn(p.user.id);
    await b.get("/");
    expect(badge(b)?.textContent).toBe("2");
    expect(badge(b)?.hasAttribute("hidden")).toBe(false);

    await b.follow("Thông báo");
    expect(b.page.path).toBe("/notifications");
    const items = b.page.dom.querySelectorAll("li.notice-item").map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain("“Trà” (Xã Cái Nước – Cà Mau) đã được người nộp rút và xóa");
    expect(items[1]).toContain("Mật ong <rừng>");
    // Data is escaped: the product's name is text, not markup.
    expect(b.page.html).toContain("Mật ong &lt;rừng&gt;");
    expect(b.page.text).not.toContain("Không phải của bạn");
    expect(b.page.dom.querySelectorAll("li.unread")).toHaveLength(2);
    // This page's badge already counts them as seen; the next page shows them as read.
    expect(badge(b)?.hasAttribute("hidden")).toBe(true);
    await b.get("/notifications");
    expect(b.page.dom.querySelectorAll("li.unread")).toHaveLength(0);
    expect(h.deps.services.notifications.unreadCount(p.user.id)).toBe(0);
    expect(h.deps.services.notifications.unreadCount(other.user.id)).toBe(1);
  });

  it("pages through older notifications", async () => {
    const p = h.w.producer(2003, CAI_NUOC);
    enqueueNotifications(
      h.db,
      Array.from({ length: 35 }, (_, i) => idle(p.user.id, `Sản phẩm ${i}`)),
    );
    const b = h.signedIn(p.user.id);
    await b.get("/notifications");
    expect(b.page.dom.querySelectorAll("li.notice-item")).toHaveLength(30);
    expect(b.page.text).toContain("Sản phẩm 34");
    await b.follow("Xem thông báo cũ hơn");
    expect(b.page.dom.querySelectorAll("li.notice-item")).toHaveLength(5);
    expect(b.page.text).toContain("Sản phẩm 0");
  });

  it("is for signed-in people only; the stream tells a signed-out page to stop", async () => {
    const b = h.browser();
    await b.get("/notifications");
    expect(b.page.path).toBe("/");
    const res = await h.app.inject({ method: "GET", url: "/notifications/stream" });
    expect(res.statusCode).toBe(204);
  });
});

describe("the live count", () => {
  it("the stream sends the count at once and again when a notification is queued", async () => {
    const bus = createNoticeBus();
    const app = await serverWith({ notices: bus }, () => bus.publish());
    await app.listen({ port: 0, host: "127.0.0.1" });
    const p = h.w.producer(2004, CAI_NUOC);
    const token = h.deps.services.accounts.startSession(p.user.id);
    const { port } = app.server.address() as AddressInfo;

    const received: string[] = [];
    let wake: () => void = () => undefined;
    const res = await new Promise<import("node:http").IncomingMessage>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path: "/notifications/stream", headers: { cookie: `ocop_session=${token}` } },
        resolve,
      );
      req.on("error", reject);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      received.push(chunk);
      wake();
    });
    const until = async (text: string) => {
      for (let i = 0; i < 50 && !received.join("").includes(text); i++)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 100);
        });
      expect(received.join("")).toContain(text);
    };
    await until("event: count\ndata: 0\n\n");

    // A use case queues a notification and wakes the channels (as the services do after a change).
    enqueueNotifications(h.db, [idle(p.user.id, "Mật ong")]);
    bus.publish();
    await until("event: count\ndata: 1\n\n");
    res.destroy();
  });

  it("every signed-in page loads the small live script, which is served with the CSP's same origin", async () => {
    const p = h.w.producer(2005, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/account");
    expect(b.page.dom.querySelector('script[src="/static/live.js"]')).toBeTruthy();
    const script = await h.app.inject({ method: "GET", url: "/static/live.js" });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("/notifications/stream");
    const signedOut = await h.browser().get("/");
    expect(signedOut.dom.querySelector('script[src="/static/live.js"]')).toBeNull();
  });
});

describe("channels", () => {
  it("a person turns Telegram off and on; the Telegram renderer skips them meanwhile, and web-only people", async () => {
    const p = h.w.producer(2006, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/account");
    await b.follow("Cài đặt thông báo");
    expect(b.page.text).toContain("Hộp thư trên trang web: luôn bật");
    expect(b.page.text).toContain("Telegram: đang bật");
    await b.press("Tắt thông báo trên Telegram");
    expect(b.page.text).toContain("Telegram: đang tắt");
    expect(h.db.select().from(users).where(eq(users.id, p.user.id)).get()?.telegramNotificationsOff).toBe(true);

    const [id] = enqueueNotifications(h.db, [idle(p.user.id, "Mật ong")]);
    const row = h.db.select().from(outbox).where(eq(outbox.id, id!)).get()!;
    const render = () =>
      renderNotification({ notifications: notificationsService({ db: h.db }), i18n, adminUnits: units }, row);
    expect(render()).toEqual({ skip: "the recipient turned Telegram off" });
    await b.press("Bật thông báo trên Telegram");
    expect(render()).toMatchObject({ chatId: 2006, parseMode: "HTML" });

    // Someone who only ever used the web.
    const web = h.browser();
    await web.get("/");
    await web.press("Đồng ý");
    const webOnly = h.deps.services.accounts.userOfSession(web.cookies.get("ocop_session"))!.id;
    const [webRow] = enqueueNotifications(h.db, [idle(webOnly, "Trà")]);
    expect(
      renderNotification(
        { notifications: notificationsService({ db: h.db }), i18n, adminUnits: units },
        h.db.select().from(outbox).where(eq(outbox.id, webRow!)).get()!,
      ),
    ).toEqual({ skip: "the recipient has no Telegram identity" });
    await web.get("/account/notifications");
    expect(web.page.text).toContain("Telegram: chưa liên kết");
  });
});

describe("Web Push", () => {
  const subscription = {
    endpoint: "https://push.example.test/send/abc123",
    keys: {
      p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
    },
  };

  it("the settings page offers it, the browser's subscription is stored, and each notification is pushed to it", async () => {
    const app = await serverWith({ push: { publicKey: "BPublicKeyForTests_0123456789" } });
    const p = h.w.producer(2007, CAI_NUOC);
    const b = new Browser(app);
    b.cookies.set("ocop_session", h.deps.services.accounts.startSession(p.user.id));
    await b.get("/account/notifications");
    const form = b.page.dom.querySelector("form[data-push-subscribe]");
    expect(form?.getAttribute("data-key")).toBe("BPublicKeyForTests_0123456789");
    expect(form?.getAttribute("hx-boost")).toBe("false");
    expect(b.page.text).toContain("chưa bật");

    // What /static/live.js posts: the PushSubscription's JSON with the page's CSRF token.
    const post = (body: unknown) =>
      b.request({
        method: "POST",
        url: "/account/notifications/push",
        payload: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    expect((await post(subscription)).status).toBe(403);
    await b.get("/account/notifications");
    const csrf = b.csrf();
    expect((await post({ _csrf: csrf, endpoint: "http://insecure.test/x", keys: subscription.keys })).status).toBe(400);
    expect((await post({ _csrf: csrf, ...subscription })).status).toBe(200);
    expect(h.db.select().from(pushSubscriptions).all()).toMatchObject([
      { endpoint: subscription.endpoint, userId: p.user.id, auth: subscription.keys.auth },
    ]);
    await b.get("/account/notifications");
    expect(b.page.text).toContain("đang bật trên 1 trình duyệt");

    const sent: { endpoint: string; payload: unknown }[] = [];
    const send: PushSend = async (s, payload) => {
      sent.push({ endpoint: s.endpoint, payload: JSON.parse(payload) });
      return { statusCode: 201 };
    };
    const someoneElse = h.w.producer(2008, CAI_NUOC);
    const [mine, theirs] = enqueueNotifications(h.db, [idle(p.user.id, "Mật ong"), idle(someoneElse.user.id, "Trà")]);
    const sender = createPushSender({
      notifications: notificationsService({ db: h.db }),
      i18n,
      adminUnits: units,
      send,
      logger: pino({ level: "silent" }),
      title: (language) => i18n.t(language, "web-app-name"),
      batch: 1,
    });
    expect(await sender.drainOnce()).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      endpoint: subscription.endpoint,
      payload: { title: "Trợ lý OCOP", url: "/notifications" },
    });
    expect((sent[0]!.payload as { body: string }).body).toContain("Mật ong");
    expect((sent[0]!.payload as { body: string }).body).not.toContain("<b>");
    const state = (id: number) => h.db.select().from(outbox).where(eq(outbox.id, id)).get()?.pushState;
    expect(state(mine!)).toBe("sent");
    expect(state(theirs!)).toBe("none");
    // Nothing is pushed twice.
    expect(await sender.drainOnce()).toBe(0);

    // A subscription the push service says is gone is forgotten.
    const [later] = enqueueNotifications(h.db, [idle(p.user.id, "Mật ong")]);
    const goneSender = createPushSender({
      notifications: notificationsService({ db: h.db }),
      i18n,
      adminUnits: units,
      send: () => Promise.reject(Object.assign(new Error("Gone"), { statusCode: 410 })),
      logger: pino({ level: "silent" }),
      title: () => "OCOP",
    });
    await goneSender.drainOnce();
    expect(state(later!)).toBe("failed");
    expect(h.db.select().from(pushSubscriptions).all()).toEqual([]);
  });

  it("turning push off removes the subscriptions; the service worker is served from the root", async () => {
    const p = h.w.producer(2009, CAI_NUOC);
    h.deps.services.notifications.subscribePush(p.user.id, {
      endpoint: subscription.endpoint,
      ...subscription.keys,
    });
    const b = h.signedIn(p.user.id);
    await b.get("/account/notifications");
    await b.press("Tắt thông báo trên mọi máy");
    expect(h.db.select().from(pushSubscriptions).all()).toEqual([]);

    const sw = await h.app.inject({ method: "GET", url: "/sw.js" });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers["content-type"]).toContain("javascript");
    expect(sw.headers["service-worker-allowed"]).toBe("/");
    expect(sw.body).toContain("showNotification");
  });

  it("the running sender pushes what a kick announces, and stops cleanly", async () => {
    const p = h.w.producer(2011, CAI_NUOC);
    h.deps.services.notifications.subscribePush(p.user.id, { endpoint: subscription.endpoint, ...subscription.keys });
    let delivered: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    const sender = createPushSender({
      notifications: notificationsService({ db: h.db }),
      i18n,
      adminUnits: units,
      send: async () => {
        delivered();
        return { statusCode: 201 };
      },
      logger: pino({ level: "silent" }),
      title: () => "OCOP",
      pollIntervalMs: 60_000,
    });
    sender.start();
    enqueueNotifications(h.db, [idle(p.user.id, "Mật ong")]);
    sender.kick();
    await arrived;
    await sender.stop();
  });

  it("deleting one's data removes their push subscriptions", () => {
    const p = h.w.producer(2010, CAI_NUOC);
    h.deps.services.notifications.subscribePush(p.user.id, { endpoint: subscription.endpoint, ...subscription.keys });
    h.deps.services.people.deleteData(p.user.id);
    expect(h.db.select().from(pushSubscriptions).all()).toEqual([]);
  });
});
