// A question answered by typing an option's words, as PRODUCT §5 promises (the number works too).
import { describe, expect, it } from "vitest";
import { type Option, optionsFor } from "../../src/domain/rubric.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { useHarness } from "../helpers/bot.js";
import { CAI_NUOC, catalog, world } from "../helpers/world.js";

const h = useHarness();

/**
 * A producer at the first criterion of a new honey assessment (the disqualification items
 * answered) that `which` accepts (default: the first).
 */
async function atFirstCriterion(which: (options: readonly Option[]) => boolean = () => true) {
  const w = world(h.db);
  const p = w.producer(4201, CAI_NUOC);
  const appId = w.draft(p, "Mật ong rừng");
  const a = loadAssessment(h.db, catalog, appId)!;
  const index = a.criteria.findIndex((c) => which(optionsFor(c, a.caseId)));
  w.answer(appId, p.user.id, a.sheet.disqualification.length + index);
  const u = h.api.user({ id: 4201, first_name: "Lan" });
  await h.deliver(u.command("/tieptuc"));
  const criterion = a.criteria[index]!;
  return { u, appId, key: criterion.id, options: optionsFor(criterion, a.caseId) };
}

const answerOf = (appId: number, key: string) => loadAssessment(h.db, catalog, appId)!.answers[key];

describe("typing the option's text", () => {
  for (const typed of ["Chưa đạt mức nào", "chua dat muc nao", "CHƯA ĐẠT MỨC NÀO".normalize("NFD")]) {
    it(`"${typed}" picks the 'none of these' option like its number`, async () => {
      const { u, appId, key, options } = await atFirstCriterion();
      expect(options.at(-1)!.none).toBe(true);
      await h.deliver(u.send(typed));
      expect(answerOf(appId, key)).toBe(options.at(-1)!.id);
      expect(u.chat().last()!.text).not.toContain("Mình chưa hiểu");
    });
  }

  it('"Chưa đạt mức nào" picks the option of 0 points where the rubric has one instead', async () => {
    const { u, appId, key, options } = await atFirstCriterion(
      (o) => !o.some((x) => x.none) && o.filter((x) => x.points === 0).length === 1,
    );
    expect(u.chat().last()!.text).toContain(`${key}.`);
    await h.deliver(u.send("Chưa đạt mức nào"));
    expect(answerOf(appId, key)).toBe(options.find((o) => o.points === 0)!.id);
  });

  it("the whole text of an option picks it, even when it begins another option's text", async () => {
    const { u, appId, key, options } = await atFirstCriterion();
    const first = options[0]!;
    await h.deliver(u.send(first.label.toUpperCase()));
    expect(answerOf(appId, key)).toBe(first.id);
  });

  it("the question says the text works too", async () => {
    const { u } = await atFirstCriterion();
    expect(u.chat().last()!.text).toContain("gõ số hoặc chữ của phương án");
  });
});
