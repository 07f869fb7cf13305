import { describe, expect, it } from "vitest";
import { legalImplications } from "../../src/domain/legal-checklist.js";
import { isLawOption, type Sheet } from "../../src/domain/rubric.js";
import { loadCatalog } from "../../src/rubric/catalog.js";

const catalog = loadCatalog().value!;
const honey = catalog.sheetFor("qd26-2026", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac")!;
const tourism = catalog.sheetFor("qd26-2026", "dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich")!;
const qd148 = catalog.sheetFor("qd148-2023", "rau-cu-qua-hat-tuoi")!;
const qd1048 = catalog.sheetFor("qd1048-2019", "che-bien-tu-rau-cu-qua-hat")!;

const implied = (sheet: Sheet, answers: Record<string, string>, caseId?: string) =>
  legalImplications(sheet.criteria, answers, caseId, {});

describe("what an answer implies for Mẫu 02, I.7", () => {
  it("A3.5 (Decision 26/2026): an application implies nothing, a certificate the trademark, the top option the trademark and one title of three", () => {
    expect(implied(honey, { "A3.5": "a" })).toEqual({ implied: [], oneOf: [] });
    expect(implied(honey, { "A3.5": "b" })).toEqual({ implied: ["trademark"], oneOf: [] });
    // The top option needs ONE of an industrial design, a patent (or utility solution) or a copyright:
    // none of them is implied, the producer is asked which; a geographical indication is only conditional.
    expect(implied(honey, { "A3.5": "c" })).toEqual({
      implied: ["trademark"],
      oneOf: [{ criterionId: "A3.5", ticks: ["industrial-design", "patent", "copyright"] }],
    });
  });

  it("reads the same wording in every sheet of Decision 26/2026, the tourism one included", () => {
    for (const sheet of catalog.sheets.filter((s) => s.version.id === "qd26-2026")) {
      const ip = sheet.criteria.find((c) => c.id === "A3.5")!;
      const caseId = sheet.cases[0]?.id;
      const top = ip.options.filter((o) => isLawOption(o) && (o.case === undefined || o.case === caseId)).at(-1)!;
      expect(implied(sheet, { "A3.5": top.id }, caseId).oneOf[0]?.ticks, sheet.id).toEqual([
        "industrial-design",
        "patent",
        "copyright",
      ]);
    }
    expect(tourism.criteria.some((c) => c.id === "A3.5")).toBe(true);
  });

  it("reads the earlier versions: Decision 148 (trademark) and Decision 1048 (trademark or industrial design)", () => {
    const ip148 = qd148.criteria.find((c) => /trí tuệ/.test(c.title))!;
    for (const o of ip148.options.filter(isLawOption))
      expect(implied(qd148, { [ip148.id]: o.id }).implied, o.label).toEqual(["trademark"]);
    const packaging = qd1048.criteria.find((c) => c.options.some((o) => /kiểu dáng/.test(o.label)))!;
    const top = packaging.options.filter(isLawOption).at(-1)!;
    expect(implied(qd1048, { [packaging.id]: top.id })).toEqual({
      implied: [],
      oneOf: [{ criterionId: packaging.id, ticks: ["trademark", "industrial-design"] }],
    });
  });

  it("a quality declaration from an option that declares one, never from a published trademark application", () => {
    const declaration = honey.criteria.find((c) => c.title === "Công bố sản phẩm")!;
    for (const o of declaration.options.filter(isLawOption))
      expect(implied(honey, { [declaration.id]: o.id }).implied, o.label).toEqual(["quality-declared"]);
    // "Đơn đăng ký nhãn hiệu đã được chấp nhận hoặc công bố": published, but no quality declaration.
    expect(honey.criteria.find((c) => c.id === "A3.5")!.options[0]!.label).toMatch(/công bố/);
    expect(implied(honey, { "A3.5": "a" }).implied).toEqual([]);
    // An option with 0 points implies nothing.
    const zero = honey.criteria
      .flatMap((c) => c.options.filter((o) => o.points === 0).map((o) => ({ c, o })))
      .find(({ o }) => /công bố/.test(o.label));
    if (zero) expect(implied(honey, { [zero.c.id]: zero.o.id }).implied).toEqual([]);
  });

  it("production certificates from the disqualification questions answered yes", () => {
    expect(legalImplications(honey.criteria, {}, undefined, { "food-safety-certificate": true }).implied).toEqual([
      "food-safety",
    ]);
    expect(legalImplications(honey.criteria, {}, undefined, { gmp: true }).implied).toEqual(["production-certificate"]);
    expect(legalImplications(honey.criteria, {}, undefined, { "food-safety-certificate": false }).implied).toEqual([]);
  });
});
