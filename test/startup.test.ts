// The real start-up path: `npm start` against a fake Bot API over HTTP, talked to as a user would,
// killed with SIGKILL in the middle of the questionnaire and started again.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeBotApi, type FakeUser, startFakeBotApi } from "./helpers/fake-bot-api.js";
import { freePort } from "./helpers/net.js";

const ROOT = join(import.meta.dirname, "..");
let api: FakeBotApi;
const dir = mkdtempSync(join(tmpdir(), "ocop-start-"));
const running: ChildProcess[] = [];
/** Each start gets its own HTTP port (the web chat listens in every mode). */
let nextPort = 0;

function start(env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group: npm, its shell and node are signalled together
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      DATABASE_PATH: join(dir, "ocop.sqlite"),
      LOG_LEVEL: "info",
      REDIS_URL: "",
      PORT: String(nextPort++),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  running.push(child);
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

beforeAll(async () => {
  api = await startFakeBotApi();
  nextPort = await freePort();
});
afterAll(async () => {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, "SIGKILL");
  await api.stop();
});

/** Sends an update and waits for the bot's next message (or edit) in that chat. */
async function act(u: FakeUser, send: () => unknown, expected: string | RegExp) {
  const from = api.calls.length;
  send();
  const match = (t: unknown) =>
    typeof expected === "string" ? String(t).includes(expected) : expected.test(String(t));
  await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === u.id && match(c.params.text), {
    fromIndex: from,
    timeoutMs: 20_000,
  });
}

describe("npm start", () => {
  it("refuses to start with a wrong BOT_TOKEN, naming it", async () => {
    const child = start({ BOT_TOKEN: "123" });
    expect(await exited(child)).toBe(1);
    expect(child.output()).toContain("BOT_TOKEN");
  });

  it("with no configuration at all, serves the web chat and says in one line where to open it", async () => {
    const port = await freePort();
    const child = start({
      BOT_TOKEN: "",
      TELEGRAM_API_ROOT: "",
      PORT: String(port),
      DATABASE_PATH: join(dir, "web-only", "ocop.sqlite"),
    });
    await vi.waitFor(() => expect(child.output()).toContain(`http://localhost:${port}`), { timeout: 30_000 });
    expect(child.output()).toContain(`Mở trang này trong trình duyệt: http://localhost:${port}`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Bảo vệ dữ liệu cá nhân");
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("close", resolve));
    expect(child.output()).toContain('"msg":"stopped"');
  }, 60_000);

  it("starts, sets the command menus, completes /start and consent, resumes after kill -9, stops cleanly", async () => {
    let bot = start();
    await api.waitFor((c) => c.method === "deleteWebhook", 30_000);
    expect(api.commands(undefined, undefined)?.map((c) => c.command)).toContain("danhgia");
    expect(api.commands(undefined, "en")?.find((c) => c.command === "tieptuc")?.description).toBe(
      "Continue where you stopped",
    );

    const u = api.user({ id: 777, first_name: "Hoa", language_code: "vi" });
    await act(u, () => u.command("/start"), "Bạn có đồng ý không?");
    await act(u, () => u.press("✅ Đồng ý"), "họ và tên");
    await act(u, () => u.send("Phạm Thị Hoa"), "điện thoại");
    await act(u, () => u.tap("📱 Gửi số điện thoại của tôi"), "hình thức");
    await act(u, () => u.press("Tổ hợp tác"), "Tên cơ sở");
    await act(u, () => u.send("Tổ hợp tác chè Tân Cương"), "xã, phường");
    await act(u, () => u.send("tan cuong thai nguyen"), "chọn đúng xã");
    await act(u, () => u.press(/^1\. /), "Sản phẩm của");
    await act(u, () => u.press("➕ Thêm sản phẩm"), "Tên sản phẩm");
    await act(u, () => u.send("Chè búp Tân Cương"), "thuộc bộ sản phẩm nào");
    const from = api.calls.length;
    u.press("Thực phẩm");
    await api.waitFor((c) => c.method === "editMessageText", { fromIndex: from, timeoutMs: 20_000 });
    const from2 = api.calls.length;
    u.press("Chè");
    await api.waitFor((c) => c.method === "editMessageText", { fromIndex: from2, timeoutMs: 20_000 });
    await act(u, () => u.press("Chè tươi, chè chế biến"), "Điều kiện 1/");
    while (
      u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "✅ Đúng")
    )
      await act(u, () => u.press("✅ Đúng"), /Điều kiện|Câu 1\//);
    await act(u, () => u.press(/^2 · /), "Câu 2/");
    await act(u, () => u.press(/^2 · /), "Câu 3/");
    const question = u.chat().last()!.text;

    process.kill(-bot.pid!, "SIGKILL");
    await exited(bot);
    bot = start();
    const mark = api.calls.length;
    await act(u, () => u.command("/tieptuc"), "Làm tiếp “Chè búp Tân Cương”");
    await api.waitFor((c) => c.method === "sendMessage" && String(c.params.text).includes("Câu 3/"), {
      fromIndex: mark,
      timeoutMs: 20_000,
    });
    expect(u.chat().last()!.text).toBe(question);

    // npm does not pass SIGTERM on to the script: signal the whole process group, as systemd and
    // Ctrl+C do. The bot finishes what is in flight, closes the database and says so.
    process.kill(-bot.pid!, "SIGTERM");
    await new Promise((resolve) => bot.once("close", resolve)); // every process of the group has let go of the output
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).toContain('"msg":"stopping: finishing the updates in flight"');
    expect(bot.output()).not.toMatch(/Phạm Thị Hoa|09\d{8}/);
    expect(api.unexpectedErrors().map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
  }, 120_000);

  it("two instances started together on a new database, same token: both survive (one clear log line), and whichever remains serves", async () => {
    const from = api.calls.length;
    const first = start({ DATABASE_PATH: join(dir, "shared.sqlite") });
    const second = start({ DATABASE_PATH: join(dir, "shared.sqlite") });
    await api
      .waitFor((c) => c.method === "getUpdates" && c.response?.ok === false && c.response.error_code === 409, {
        fromIndex: from,
        timeoutMs: 60_000,
      })
      .catch((err: Error) => {
        throw new Error(`${err.message}\nfirst:\n${first.output()}\nsecond:\n${second.output()}`);
      });
    const u = api.user({ id: 778, first_name: "Tư", language_code: "vi" });
    await act(u, () => u.command("/huongdan"), "Hướng dẫn OCOP");

    process.kill(-second.pid!, "SIGKILL");
    await exited(second);
    await act(u, () => u.command("/huongdan"), "Hướng dẫn OCOP");
    expect(first.exitCode).toBeNull();
    const conflictLines = first
      .output()
      .split("\n")
      .filter((l) => l.includes("another instance is polling with the same token"));
    expect(
      conflictLines.length +
        second
          .output()
          .split("\n")
          .filter((l) => l.includes("another instance is polling")).length,
    ).toBeGreaterThan(0);
    expect(first.output()).not.toContain("Error while fetching updates");
    process.kill(-first.pid!, "SIGTERM");
    await new Promise((resolve) => first.once("close", resolve));
    expect(first.output()).toContain('"msg":"stopped"');
    // The 409s are Telegram's answers to two pollers, the subject of this test.
    api.errors().forEach((c) => {
      c.injected = true;
    });
  }, 240_000); // two processes starting together: slow on a busy machine

  describe("webhook mode (BOT_MODE=webhook)", () => {
    const secret = "Webhook_secret-0123456789abcdefghijklmnop";
    const webhookEnv = {
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/telegram",
      WEBHOOK_SECRET: secret,
      HOST: "127.0.0.1",
    };

    it.each([
      ["missing", ""],
      ["31 characters long", "a".repeat(31)],
    ])("refuses to start with WEBHOOK_SECRET %s, naming it", async (_, value) => {
      const child = start({ ...webhookEnv, WEBHOOK_SECRET: value });
      expect(await exited(child)).toBe(1);
      expect(child.output()).toContain("WEBHOOK_SECRET");
      if (value) expect(child.output()).not.toContain(value); // the secret is not echoed
    });

    it("sets the webhook with the secret and the updates it handles, serves a posted update and /healthz, stops cleanly", async () => {
      const from = api.calls.length;
      const port = await freePort();
      const bot = start({ ...webhookEnv, PORT: String(port), DATABASE_PATH: join(dir, "webhook.sqlite") });
      const setWebhook = await api.waitFor((c) => c.method === "setWebhook", { fromIndex: from, timeoutMs: 30_000 });
      expect(setWebhook.params).toMatchObject({
        url: "https://bot.example.vn/telegram",
        secret_token: secret,
        allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"],
      });
      await vi.waitFor(() => expect(bot.output()).toContain('"msg":"bot started (webhook)"'), { timeout: 10_000 });

      const u = api.user({ id: 779, first_name: "Hạnh", language_code: "vi" });
      const post = (secretToken: string) =>
        fetch(`http://127.0.0.1:${port}/telegram`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken },
          body: JSON.stringify(u.command("/huongdan")),
        });
      expect((await post(secret.replace("W", "w"))).status).toBe(401);
      expect((await post(secret)).status).toBe(200);
      expect(u.chat().last()?.text).toContain("Hướng dẫn OCOP");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: "ok", checks: { database: "ok" } }]);
      // Polling would compete with the webhook (409): this instance does neither.
      expect(api.calls.slice(from).filter((c) => c.method === "getUpdates" || c.method === "deleteWebhook")).toEqual(
        [],
      );

      process.kill(-bot.pid!, "SIGTERM");
      await new Promise((resolve) => bot.once("close", resolve));
      expect(bot.output()).toContain('"msg":"stopped"');
      expect(bot.output()).not.toContain(secret);
      expect(api.unexpectedErrors().map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
      // The fake now holds a webhook, as Telegram would: remove it for whatever polls next.
      await fetch(`${api.url}/bot${api.token}/deleteWebhook`);
    }, 120_000);
  });
});
