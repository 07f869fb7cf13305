// Issue 12: the web chat and the Telegram bot are two channels of one core. The same producer's
// answers given by pressing Telegram's buttons and the web's buttons give the same score, stars and
// improvement plan, and both channels show the same report.
import { describe, expect, it } from "vitest";
import { createServices } from "../../src/services/index.js";
import { startHarness } from "../helpers/bot.js";
import { addHoney, answerAll, registerProducer } from "../helpers/journeys.js";
import { useWebHarness } from "../helpers/web.js";
import { world } from "../helpers/world.js";
import { answerAllOnTheWeb } from "./producer-steps.js";

const web = useWebHarness();
const visible = (s: string) => s.replace(/\s+/g, " ").trim();

/** Criterion n (1-based) gets its first option when n is odd, its last when even: the same choice on both channels. */
const pick = (n: number, count: number) => (n % 2 ? 0 : count - 1);

describe("the web and Telegram agree", () => {
  it("the same answers give the same score, stars, plan and report on both channels", async () => {
    // Telegram: a farmer registers, adds honey and presses the answer buttons.
    const tg = await startHarness();
    try {
      const u = tg.api.user({ id: 7001, first_name: "Lan", language_code: "vi" });
      await registerProducer(tg, u);
      await addHoney(tg, u);
      const start = u.chat().messages.length;
      await answerAll(tg, u, {
        choose: (question) => {
          const n = /Câu (\d+)\/\d+ · Phần/.exec(question);
          const count = question.match(/^(?:✅ )?\d+\. /gm)?.length ?? 0;
          return n ? new RegExp(`^${pick(Number(n[1]), count) + 1} · `) : undefined;
        },
      });
      const telegramServices = createServices(world(tg.db).coreDeps());
      const tgUser = tg.userId(7001);
      const listed = telegramServices.products.list(tgUser);
      if (!listed.ok) throw new Error(listed.reason);
      const tgResult = telegramServices.assessment.result(tgUser, listed.products[0]!.application.id);
      if (!tgResult.ok) throw new Error(tgResult.reason);
      const messages = u.chat().messages.slice(start);
      // The result follows the line saying every question is answered, in the same message.
      const head = messages.findIndex((m) => m.text?.includes("\n\nKết quả tự đánh giá: Mật ong hoa tràm"));
      expect(head).toBeGreaterThanOrEqual(0);
      const telegramReport = visible(
        messages
          .slice(head)
          .map((m) => m.text ?? "")
          .join("\n")
          .replace(/^[\s\S]*?Kết quả tự đánh giá: Mật ong hoa tràm/, ""),
      );

      // The web: the same farmer's answers, pressed in a browser.
      const b = web.browser();
      await b.get("/");
      await b.press("Đồng ý");
      await b.press("Lưu và tiếp tục", { value: "Nguyễn Thị Lan" });
      await b.press("Lưu và tiếp tục", { value: "0912345678" });
      await b.press("Hợp tác xã (HTX)");
      await b.press("Lưu và tiếp tục", { value: "HTX Mật ong Cái Nước" });
      await b.press("Tìm xã", { value: "cai nuoc ca mau" });
      await b.press(/^1\. Xã Cái Nước/);
      await b.follow("Thêm sản phẩm");
      await b.press("Tiếp tục", { name: "Mật ong hoa tràm" });
      await b.follow("Thực phẩm");
      await b.follow("Thực phẩm thô, sơ chế");
      await b.press("Mật ong, mật khác và nông sản thực phẩm khác");
      await answerAllOnTheWeb(b, pick);
      const webUser = web.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))!.id;
      const appId = Number(/^\/a\/(\d+)/.exec(b.page.path)![1]);
      const webResult = web.deps.services.assessment.result(webUser, appId);
      if (!webResult.ok) throw new Error(webResult.reason);

      // The same answers, hence the same score, stars and plans.
      expect(webResult.assessment.answers).toEqual(tgResult.assessment.answers);
      expect(webResult.assessment.clearances).toEqual(tgResult.assessment.clearances);
      expect(webResult.score).toEqual(tgResult.score);
      expect(webResult.plans).toEqual(tgResult.plans);
      expect(webResult.plans.length).toBeGreaterThan(0);
      // And the same report on screen.
      const webReport = visible(b.page.dom.querySelector(".msg.card")!.textContent);
      expect(webReport).toBe(telegramReport);
      expect(b.page.text).toContain(`${webResult.score.stars} sao · ${webResult.score.total}/100 điểm`);
    } finally {
      await tg.close();
    }
  });
});
