// The rubric command line, run as an administrator would run it.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadCatalog, RUBRICS_DIR } from "../../src/rubric/catalog.js";

const ROOT = join(import.meta.dirname, "../..");

function rubric(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/rubric.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const catalog = loadCatalog().value!;
const tmp = () => mkdtempSync(join(tmpdir(), "ocop-rubric-"));
const RAU = "qd26-2026/rau-cu-qua-hat-tuoi";

describe("npm run rubric", () => {
  it("check: the shipped data is valid", () => {
    const r = rubric(["check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("28 phiếu");
  });

  it("check: a copy of a sheet with one option's points changed fails and names the criterion", () => {
    const dir = tmp();
    const sheet = JSON.parse(readFileSync(join(RUBRICS_DIR, `${RAU}.json`.replace("/r", "/sheets/r")), "utf8"));
    sheet.parts[0].groups[0].criteria[2].options[2].points = 2; // A1.3: best option 3 → 2
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(sheet));
    const r = rubric(["check", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("A1.3");
    expect(r.stderr).toContain("điểm tối đa ghi 3 nhưng phương án cao nhất được 2 điểm");
    expect(rubric(["check", join(RUBRICS_DIR, "qd26-2026/sheets/hoa.json")]).code).toBe(0);
  });

  it("list --json: every sheet with its version, Vietnamese product set and confidence", () => {
    const rows = JSON.parse(rubric(["list", "--json"]).stdout) as {
      version: string;
      sheet: string;
      productSet: string;
      confidence: string;
    }[];
    expect(rows).toHaveLength(28);
    const qd26 = rows.filter((r) => r.version === "qd26-2026");
    expect(qd26).toHaveLength(26);
    expect(qd26[0]).toEqual({
      version: "qd26-2026",
      sheet: RAU,
      productSet: "Rau, củ, quả, hạt tươi",
      confidence: "secondary",
    });
    expect(qd26.map((r) => r.productSet)).toContain("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch");
    expect(rows.find((r) => r.version === "qd148-2023")?.confidence).toBe("provisional");
  });

  it("npm run prints pure JSON (the project's .npmrc keeps npm's banner out)", () => {
    const r = spawnSync("npm", ["run", "rubric", "--", "list", "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(JSON.parse(r.stdout)).toHaveLength(28);
  });

  it("score --json: the total is the sum of the chosen options of show --json, with a plan that reaches its target", () => {
    for (const sheetId of [RAU, "qd26-2026/che-tuoi-che-che-bien", "qd1048-2019/che-bien-tu-rau-cu-qua-hat"]) {
      const shown = JSON.parse(rubric(["show", "--sheet", sheetId, "--json"]).stdout) as {
        criteria: {
          id: string;
          part: string;
          maxPoints: number;
          options: { id: string; points: number; none?: boolean }[];
        }[];
      };
      // The second-best of the law's options everywhere: a middling product.
      const answers = Object.fromEntries(
        shown.criteria.map((c) => {
          const law = c.options.filter((o) => !o.none);
          return [c.id, law[Math.max(0, law.length - 2)]!.id];
        }),
      );
      const expected = shown.criteria.reduce((s, c) => s + c.options.find((o) => o.id === answers[c.id])!.points, 0);
      const file = join(tmp(), "answers.json");
      writeFileSync(file, JSON.stringify(answers));
      const result = JSON.parse(
        rubric(["score", "--sheet", sheetId, "--answers", file, "--target", "5", "--json"]).stdout,
      );
      expect(result.total).toBe(expected);
      expect(Object.keys(result.parts)).toEqual(["A", "B", "C"]);
      expect(result.stars).toBeLessThanOrEqual(result.starsByPoints);
      expect(result.unanswered).toEqual([]);
      expect(result.plan.target).toBe(5);
      const applied = {
        ...answers,
        ...Object.fromEntries(result.plan.steps.map((s: { criterion: string; to: string }) => [s.criterion, s.to])),
      };
      writeFileSync(file, JSON.stringify(applied));
      expect(JSON.parse(rubric(["score", "--sheet", sheetId, "--answers", file, "--json"]).stdout).stars).toBe(5);
    }
  }, 90_000);

  it("score: a Vietnamese report with the plan; bad answers are refused by name", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.json"), JSON.stringify({ "A1.1": "a", "B4.1": "a" }));
    const report = rubric(["score", "--sheet", RAU, "--answers", join(dir, "a.json")]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("Điểm dự kiến");
    expect(report.stdout).toContain("Tổng: 2/100 điểm");
    expect(report.stdout).toContain("Còn 30 tiêu chí chưa trả lời");
    expect(report.stdout).toContain("Để lên 2★");
    expect(report.stdout).toContain("Để lên 3★");
    writeFileSync(join(dir, "b.json"), JSON.stringify({ Z9: "a", "A1.1": "q" }));
    const bad = rubric(["score", "--sheet", RAU, "--answers", join(dir, "b.json")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("không có tiêu chí Z9");
    expect(bad.stderr).toContain("tiêu chí A1.1 không có phương án q");
    expect(rubric(["score", "--sheet", "khong/co", "--answers", join(dir, "a.json")]).code).toBe(1);
  });

  it.each(["xlsx", "csv"])(
    "export then import (%s) gives back the same sheet, “none of these” rows included",
    async (ext) => {
      const dir = tmp();
      for (const id of [
        RAU,
        "qd26-2026/dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich",
        "qd1048-2019/che-bien-tu-rau-cu-qua-hat",
      ]) {
        const [version, set] = id.split("/") as [string, string];
        const file = join(dir, `${set}.${ext}`);
        expect(rubric(["export", "--sheet", id, "--out", file]).code).toBe(0);
        // The engine's "none of these" options are shown, marked, one row per criterion that has one.
        const shown = catalog.sheet(id)!;
        const wb = new ExcelJS.Workbook();
        const ws =
          ext === "csv"
            ? await wb.csv.readFile(file, { map: (v: unknown) => v })
            : (await wb.xlsx.readFile(file)).worksheets[0]!;
        const header = (ws.getRow(1).values as string[]).map(String);
        const marked: string[] = [];
        ws.eachRow((row, n) => {
          if (n > 1 && row.getCell(header.indexOf("none")).text === "yes")
            marked.push(row.getCell(header.indexOf("option_id")).text);
        });
        expect(marked.length).toBeGreaterThan(5);
        expect(marked).toEqual(shown.criteria.filter((c) => c.options.some((o) => o.none)).map(() => "none"));
        const out = join(dir, `${set}.json`);
        const r = rubric(["import", file, "--version", version, "--set", set, "--out", out]);
        expect(r.stderr).toBe("");
        const original = JSON.parse(readFileSync(join(RUBRICS_DIR, version, "sheets", `${set}.json`), "utf8"));
        const imported = JSON.parse(readFileSync(out, "utf8"));
        // Source and corrections (and, in CSV, the disqualification items) are not in the
        // spreadsheet: they come from the sheet being replaced, and --out names a new file.
        for (const key of ["source", "corrections", ...(ext === "csv" ? ["disqualification"] : [])]) {
          delete original[key];
          delete imported[key];
        }
        expect(imported).toEqual(original);
      }
    },
    90_000,
  );

  it("import writes into the rubric folder, and refuses a broken spreadsheet with its errors", async () => {
    const dir = tmp();
    cpSync(RUBRICS_DIR, join(dir, "rubrics"), { recursive: true });
    const env = { OCOP_RUBRICS_DIR: join(dir, "rubrics") };
    const csv = join(dir, "hoa.csv");
    expect(rubric(["export", "--sheet", "qd26-2026/hoa", "--out", csv]).code).toBe(0);
    // Break one cell: the points of A1.1's first option (row 2, under the header).
    const wb = new ExcelJS.Workbook();
    const ws = await wb.csv.readFile(csv, { map: (v: unknown) => v });
    const pointsColumn = (ws.getRow(1).values as string[]).indexOf("points");
    ws.getRow(2).getCell(pointsColumn).value = "nhiều";
    await wb.csv.writeFile(join(dir, "broken.csv"));
    const target = join(dir, "rubrics/qd26-2026/sheets/hoa.json");
    const before = readFileSync(target, "utf8");
    const refused = rubric(["import", join(dir, "broken.csv"), "--version", "qd26-2026", "--set", "hoa"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("dòng 2: cột points có giá trị không hợp lệ “nhiều”");
    expect(readFileSync(target, "utf8")).toBe(before);

    const ok = rubric(["import", csv, "--version", "qd26-2026", "--set", "hoa"], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(target, "utf8")).disqualification).toEqual(JSON.parse(before).disqualification);
    expect(rubric(["check"], env).code).toBe(0);
    expect(existsSync(join(dir, "rubrics/qd26-2026/sheets/hoa.json"))).toBe(true);
  });
});
