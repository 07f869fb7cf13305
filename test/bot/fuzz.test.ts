// Random and hostile updates from a seeded generator, as people send them: typed text of every
// kind, commands, old and forged buttons, double taps, redeliveries, edits, media, buttons without
// a message. The strict fake Bot API enforces Telegram's flood limits. Whatever happens: no
// unhandled error, every human message answered, every button answered once, no Bot API error.
import fc from "fast-check";
import type { Update } from "grammy/types";
import { afterEach, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { addHoney, registerProducer } from "../helpers/journeys.js";

const SEED = 20261130;
const RUNS = 4;
const ACTIONS_PER_RUN = 600;
const ADMIN = 6100;
/** The bot keeps these limits and the fake enforces them: a single 429 would be a Bot API error. */
const LIMITS = { global: { count: 150, windowMs: 1000 }, perChat: { count: 30, windowMs: 1000 } };

const TEXTS = [
  "1",
  "2",
  "3",
  "9",
  "có",
  "không",
  "đúng",
  "abc",
  "<i>",
  "A & B",
  "<b>đậm</b>",
  "&amp;",
  "</b>",
  "x".repeat(4096),
  "Nguyễn Thị Lan".normalize("NFD"),
  "Hợp tác xã Tân Hòa",
  "0084 912 345 678",
  "+84 (0) 987 654 321",
  "15/03/2018",
  "cai nuoc ca mau",
  "tan cuong",
  "🙂",
  "  ",
  "ok\nok",
  "a@b.vn",
  "Bổ sung phiếu kiểm nghiệm mới nhất.",
];
const COMMANDS = [
  "/start",
  "/danhgia",
  "/tieptuc",
  "/sanpham",
  "/xemlai",
  "/ketqua",
  "/minhchung",
  "/hoanthien",
  "/nop",
  "/trangthai",
  "/thanhvien",
  "/thongtin",
  "/ngonngu",
  "/nhacnho",
  "/huongdan",
  "/hoso",
  "/xuat",
  "/quantri",
  "/khong_co",
  "/start join_abcdefgh12",
];

type Action =
  | { kind: "text"; user: number; text: string }
  | { kind: "command"; user: number; text: string }
  | { kind: "press"; user: number; pick: number; twice: boolean }
  | { kind: "forged"; user: number; data: string; inline: boolean }
  | {
      kind: "media";
      user: number;
      media: "sticker" | "voice" | "photo" | "video" | "document" | "big" | "location" | "contact" | "foreign-contact";
    }
  | { kind: "edit"; user: number; text: string }
  | { kind: "redeliver" };

const user = fc.nat({ max: 5 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("text" as const),
      user,
      text: fc.oneof(
        fc.constantFrom(...TEXTS),
        fc.string({ maxLength: 200 }),
        fc.string({ unit: "grapheme", maxLength: 60 }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("command" as const), user, text: fc.constantFrom(...COMMANDS) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant("press" as const), user, pick: fc.nat(), twice: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("forged" as const),
      user,
      data: fc.oneof(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.constantFrom("a:1:A1.1:a", "sub:1", "or:1", "le:1:origin:a", "t:99", "z:1", "fd:1", "ad:revoke:1"),
      ),
      inline: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("media" as const),
      user,
      media: fc.constantFrom(
        "sticker",
        "voice",
        "photo",
        "video",
        "document",
        "big",
        "location",
        "contact",
        "foreign-contact",
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      user,
      text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 100 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "redeliver" as const }) },
);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SENDS = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendVideo"]);
const sendsTo = (chat: number) =>
  h!.api.calls.filter((c) => SENDS.has(c.method) && c.params.chat_id === chat && c.response?.ok).length;

/** A callback button among those on the user's last four messages with buttons (old ones included). */
function button(u: FakeUser, pick: number): { messageId: number; data: string } | undefined {
  const buttons = u
    .chat()
    .messages.filter((m) => m.buttons.length)
    .slice(-4)
    .flatMap((m) =>
      m.buttons.flatMap((b) => ("callback_data" in b ? [{ messageId: m.message_id, data: b.callback_data }] : [])),
    );
  return buttons.length ? buttons[pick % buttons.length] : undefined;
}

async function play(actions: Action[]) {
  h = await startHarness({ adminIds: [ADMIN], apiLimits: LIMITS, limits: LIMITS, logLevel: "warn" });
  const users = [ADMIN, 6101, 6102, 6103, 6104, 6105].map((id) =>
    h!.api.user({ id, first_name: `U${id}`, language_code: id === 6105 ? "en" : "vi" }),
  );
  // Producers at different places, so that random presses reach deep into the flows.
  for (const u of users.slice(1, 4)) {
    await registerProducer(h, u, `HTX thử ${u.id}`);
    await addHoney(h, u);
  }
  let last: Update | undefined;
  const unanswered: string[] = [];
  for (const a of actions) {
    if (a.kind === "redeliver") {
      if (last) await h.deliver(last);
      continue;
    }
    const u = users[a.user]!;
    let update: Update | undefined;
    switch (a.kind) {
      case "text":
        update = u.send(a.text.trim() ? a.text : "?");
        break;
      case "command":
        update = u.send(a.text);
        break;
      case "press": {
        const b = button(u, a.pick);
        if (!b) continue;
        update = u.pressData(b.data, b.messageId);
        if (a.twice) {
          const second = u.pressData(b.data, b.messageId);
          await h.deliver(update);
          update = second;
        }
        break;
      }
      case "forged":
        update = a.inline ? u.pressInline(a.data) : u.pressData(a.data);
        break;
      case "edit":
        if (!u.chat().history.some((m) => m.from === "user" && m.text !== undefined)) continue;
        update = u.editLastText(a.text.trim() ? a.text : "?");
        break;
      case "media":
        update =
          a.media === "sticker"
            ? u.sendSticker()
            : a.media === "voice"
              ? u.sendVoice()
              : a.media === "photo"
                ? u.sendPhoto()
                : a.media === "video"
                  ? u.sendVideo()
                  : a.media === "document"
                    ? u.sendDocument({ file_name: "giay-phep.pdf" })
                    : a.media === "big"
                      ? u.sendDocument({ file_name: "phim.mp4", file_size: 25 * 1024 * 1024 })
                      : a.media === "location"
                        ? u.sendLocation()
                        : a.media === "contact"
                          ? u.sendContact({ phone_number: "+84912345678" })
                          : u.sendContact({ phone_number: "+14155550123", user_id: null });
        break;
    }
    const before = sendsTo(u.id);
    await h.deliver(update);
    last = update;
    if ((update.message || update.edited_message) && sendsTo(u.id) === before)
      unanswered.push(`${a.kind}: ${JSON.stringify(a).slice(0, 120)}`);
  }
  return {
    unanswered,
    apiErrors: h.api.errors().map((c) => `${c.method}: ${c.response && !c.response.ok ? c.response.description : ""}`),
    unansweredButtons: h.api.unansweredCallbackQueries().length,
    errors: h.logs.filter((l) => l.level >= 50).map((l) => `${l.msg}: ${JSON.stringify(l.err ?? "")}`.slice(0, 300)),
  };
}

it(`${RUNS} × ${ACTIONS_PER_RUN} random and hostile updates: no error, every message answered, every button answered once`, async () => {
  const seen: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: ACTIONS_PER_RUN, maxLength: ACTIONS_PER_RUN }), async (actions) => {
      const outcome = await play(actions);
      await h!.close();
      h = undefined;
      seen.push(`${outcome.unanswered.length}/${outcome.apiErrors.length}/${outcome.errors.length}`);
      expect(outcome).toEqual({ unanswered: [], apiErrors: [], unansweredButtons: 0, errors: [] });
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(seen).toHaveLength(RUNS);
}, 600_000);
