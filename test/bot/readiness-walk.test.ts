// The /nop walk through what is missing: every item, the household registration too, leads on to
// the next one; the refusal speaks the law of the application's own rubric version.
import { describe, expect, it } from "vitest";
import { loadAssessment, saveAnswer } from "../../src/services/assessment.js";
import { switchRubricVersion } from "../../src/services/rubric-versions.js";
import { useHarness } from "../helpers/bot.js";
import { CAI_NUOC, catalog, world } from "../helpers/world.js";

const h = useHarness();

function unregisteredHousehold(productSet?: string) {
  const w = world(h.db);
  const p = w.producer(4101, CAI_NUOC, "vi", { type: "household", businessRegistered: false });
  const appId = w.draft(p, "Rau nhà Ba", productSet);
  return { w, p, appId, u: h.api.user({ id: 4101, first_name: "Ba" }) };
}

describe("the household registration item of the /nop walk", () => {
  it("opens the next missing item once the household says it is registered", async () => {
    const { u } = unregisteredHousehold();
    await h.deliver(u.command("/nop"));
    expect(u.chat().last()!.text).toContain("Hộ chưa có đăng ký kinh doanh");
    await h.deliver(u.press("✅ Hộ tôi đã đăng ký kinh doanh"));
    const texts = u
      .chat()
      .messages.slice(-2)
      .map((m) => m.text ?? "");
    expect(texts[0]).toContain("Đã ghi: hộ của bạn đã có đăng ký kinh doanh");
    expect(texts[0]).not.toContain("/nop");
    // The first disqualification question, with its buttons: the walk goes on.
    expect(texts[1]).toContain("Điều kiện 1/");
  });

  it("cites the decision of the application's rubric version", async () => {
    const { p, appId, u } = unregisteredHousehold("rau-cu-qua-hat-tuoi");
    const switched = switchRubricVersion(h.db, catalog, loadAssessment(h.db, catalog, appId)!, "qd148-2023", p.user.id);
    expect(switched.ok, JSON.stringify(switched)).toBe(true);
    await h.deliver(u.command("/nop"));
    const refusal = u.chat().last()!.text!;
    expect(refusal).toContain("Hộ chưa có đăng ký kinh doanh");
    expect(refusal).toContain("148/QĐ-TTg");
    expect(refusal).not.toContain("26/2026");
  });
});

describe("a ★ marker that holds the tier below 3★", () => {
  it("is named in the refusal, as in the result", async () => {
    const w = world(h.db);
    const p = w.producer(4102, CAI_NUOC);
    const appId = w.draft(p, "Mật ong hoa tràm");
    w.answer(appId, p.user.id);
    const a = loadAssessment(h.db, catalog, appId)!;
    // A criterion with a ★3 marker, answered below it.
    const criterion = a.criteria.find(
      (c) => c.options.some((o) => o.marker === 3) && c.options.some((o) => !o.marker && o.points > 0),
    )!;
    const below = criterion.options.find((o) => !o.marker && o.points > 0)!;
    expect(saveAnswer(h.db, a, criterion.id, below.id, p.user.id).ok).toBe(true);
    const u = h.api.user({ id: 4102, first_name: "Lan" });
    await h.deliver(u.command("/nop"));
    const refusal = u.chat().last()!.text!;
    expect(refusal).toContain(`${criterion.id} cần đạt mức ★3`);
    expect(refusal).not.toContain("cần từ 3★ (50 điểm)");
  });
});
