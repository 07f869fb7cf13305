// Steps a person takes in the bot, shared by the bot-level tests.

import type { Harness } from "./bot.js";
import type { FakeUser } from "./fake-bot-api.js";

export async function consentAndName(h: Harness, u: FakeUser, name: string, phone: string, payload?: string) {
  await h.deliver(u.command("/start", payload));
  await h.deliver(u.press("✅ Đồng ý"));
  await h.deliver(u.send(name));
  await h.deliver(u.send(phone));
}

/** A cooperative in Cái Nước (Cà Mau), owned by Nguyễn Thị Lan. */
export async function registerProducer(h: Harness, u: FakeUser, orgName = "HTX Mật ong Cái Nước") {
  await consentAndName(h, u, "Nguyễn Thị Lan", "0912345678");
  await h.deliver(u.press("Hợp tác xã (HTX)"));
  await h.deliver(u.send(orgName));
  await h.deliver(u.send("cai nuoc ca mau"));
  await h.deliver(u.press(/^1\. Xã Cái Nước/));
}

export async function addHoney(h: Harness, u: FakeUser, name = "Mật ong hoa tràm") {
  await h.deliver(u.command("/sanpham"));
  await h.deliver(u.press("➕ Thêm sản phẩm"));
  await h.deliver(u.send(name));
  await h.deliver(u.press("Thực phẩm"));
  await h.deliver(u.press("Thực phẩm thô, sơ chế"));
  await h.deliver(u.press("Mật ong, mật khác và nông sản thực phẩm khác"));
}

const isOption = (text: string) => /^\d+ · \d+đ$/.test(text);

/**
 * Answers every question shown until the result: every requirement holds; for a criterion,
 * `choose` may name the button to press from the question's text, else the best option is pressed;
 * with `evidence`, a photo is attached wherever evidence is expected.
 */
export async function answerAll(
  h: Harness,
  u: FakeUser,
  {
    choose = () => undefined,
    evidence = false,
  }: { choose?: (question: string) => RegExp | undefined; evidence?: boolean } = {},
) {
  for (let i = 0; i < 200; i++) {
    const m = u.chat().last()!;
    if (m.buttons.some((b) => b.text === "✅ Đúng")) {
      await h.deliver(u.press("✅ Đúng"));
      continue;
    }
    const options = m.buttons.filter((b) => isOption(b.text));
    if (options.length === 0) return;
    if (evidence && m.buttons.some((b) => b.text === "📎 Gửi minh chứng") && !m.text?.includes("(đang chọn)")) {
      await h.deliver(u.press("📎 Gửi minh chứng", m.message_id));
      await h.deliver(u.sendPhoto());
      await h.deliver(u.press("✔️ Xong"));
      const again = u.chat().last()!;
      await h.deliver(u.press(again.buttons.filter((b) => isOption(b.text)).at(-1)!.text, again.message_id));
      continue;
    }
    await h.deliver(u.press(choose(m.text ?? "") ?? options.at(-1)!.text, m.message_id));
  }
  throw new Error("the assessment never ended");
}

/** Answers every question with its best option, attaching a photo wherever evidence is expected. */
export const assessWithEvidence = (h: Harness, u: FakeUser) => answerAll(h, u, { evidence: true });
export const assessWithoutEvidence = (h: Harness, u: FakeUser) => answerAll(h, u);

/** An administrator makes an officer invitation for a commune (consenting first if needed); returns its code. */
export async function officerInviteCode(h: Harness, admin: FakeUser, commune: string, pick: RegExp): Promise<string> {
  await h.deliver(admin.command("/quantri"));
  if (
    admin
      .chat()
      .last()
      ?.buttons.some((b) => b.text === "✅ Đồng ý")
  )
    await h.deliver(admin.press("✅ Đồng ý"));
  await h.deliver(admin.press("➕ Mời cán bộ xã"));
  await h.deliver(admin.send(commune));
  await h.deliver(admin.press(pick));
  return /start=officer_([A-Za-z0-9_-]+)/.exec(admin.chat().last()?.text ?? "")![1]!;
}
