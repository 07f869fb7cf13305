// The three forms as a clerk sees them: rendered by LibreOffice (headless) to PDF, then read back
// with poppler's pdftotext and pdfinfo. Checks what the XML tests cannot: the page count, where
// lines break, what is on the first lines. Without LibreOffice the tests are skipped with a notice,
// unless REQUIRE_LIBREOFFICE=1 (set by .ci/run, which installs it): then they fail.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMau01, buildMau02, buildMau03, type FormsInput } from "../../src/forms/index.js";
import { full, minimal } from "../helpers/forms.js";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const soffice = ["soffice", "libreoffice"].find(has);
const available = !!soffice && has("pdftotext") && has("pdfinfo");
if (!available) {
  const message = "LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is missing";
  if (process.env.REQUIRE_LIBREOFFICE === "1") throw new Error(`REQUIRE_LIBREOFFICE=1 but ${message}.`);
  console.warn(
    `NOTICE: ${message}; the LibreOffice rendering tests are SKIPPED. apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation`,
  );
}

interface Rendered {
  pages: number;
  /** pdftotext -layout: one text line per printed line. */
  lines: string[];
}

const FORMS: Record<string, [typeof buildMau01, FormsInput]> = {
  m1: [buildMau01, full],
  m2: [buildMau02, full],
  m3: [buildMau03, full],
  e1: [buildMau01, minimal],
  e2: [buildMau02, minimal],
  e3: [buildMau03, minimal],
};
const rendered: Record<string, Rendered> = {};
let dir = "";

/** Text with the spaces pdftotext puts inside words with stacked diacritics ("nhi ệm") removed. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(!available)("the forms rendered by LibreOffice", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ocop-render-"));
    const files = await Promise.all(
      Object.entries(FORMS).map(async ([name, [build, input]]) => {
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, await build(input));
        return file;
      }),
    );
    // One LibreOffice run for all six, with its own profile (parallel runs do not share a lock).
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      {
        stdio: "ignore",
        timeout: 120_000,
      },
    );
    for (const name of Object.keys(FORMS)) {
      const pdf = join(dir, `${name}.pdf`);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      rendered[name] = {
        pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
        lines: text
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      };
    }
  }, 150_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens each form with its label from Phụ lục III, above the national header", () => {
    expect(rendered.m1!.lines[0]).toBe("Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP");
    expect(rendered.m2!.lines[0]).toBe("Mẫu số 02: Báo cáo tự đánh giá về sản phẩm");
    expect(squeeze(rendered.m3!.lines.slice(0, 2).join(""))).toBe(
      squeeze(
        "Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
      ),
    );
    for (const name of ["m1", "m2"]) expect(rendered[name]!.lines[1]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("keeps the date line on one line, dotted or filled", () => {
    const dateLine = (r: Rendered) => r.lines.filter((l) => /ngày .* tháng .* năm/.test(l));
    expect(dateLine(rendered.m1!)).toEqual(["Cái Nước, ngày 05 tháng 6 năm 2026"]);
    for (const name of ["e1", "e2", "e3"]) {
      const lines = dateLine(rendered[name]!);
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(/^(Số: ……\/BC-UBND\s+)?…+, ngày …+ tháng …+ năm …+$/);
    }
    // Mẫu 03: the date sits beside the report's number, on the line under the header.
    expect(dateLine(rendered.m3!)).toEqual([
      expect.stringMatching(/^Số: ……\/BC-UBND\s+Cái Nước, ngày 03 tháng 02 năm 2026$/),
    ]);
  });

  it("prints the organisation type and the product set the producer gave", () => {
    expect(rendered.m2!.lines).toContain("2. Loại hình tổ chức: Hộ sản xuất có đăng ký kinh doanh");
    expect(rendered.m3!.lines).toContain("2. Loại hình tổ chức: Hộ sản xuất có đăng ký kinh doanh");
    expect(rendered.m1!.lines).toContain("Phân nhóm: Mật ong, mật khác và nông sản thực phẩm khác");
  });

  it("has the number of pages a clerk expects", () => {
    // Mẫu 01: the form, then the agency's part on a page of its own.
    expect(rendered.m1!.pages).toBe(2);
    expect(rendered.e1!.pages).toBe(2);
    const agencyPage = (r: Rendered) => r.lines.indexOf("PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ");
    expect(agencyPage(rendered.m1!)).toBeGreaterThan(rendered.m1!.lines.indexOf("ĐẠI DIỆN"));
    // Mẫu 03: two pages; Mẫu 02: Parts I–IV and the evidence appendix, a few pages more with the data.
    expect(rendered.m3!.pages).toBe(2);
    expect(rendered.e2!.pages).toBeGreaterThanOrEqual(5);
    expect(rendered.m2!.pages).toBeGreaterThanOrEqual(rendered.e2!.pages);
    expect(rendered.m2!.pages).toBeLessThanOrEqual(12);
  });

  it("shows Part III's table and the appendix with the producer's files", () => {
    const text = squeeze(rendered.m2!.lines.join("\n"));
    for (const part of [
      "Phần I",
      "Phần II",
      "Phần III",
      "Phần IV",
      "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ",
      "PHỤ LỤC: DANH MỤC TÀI LIỆU MINH CHỨNG",
      "hop-dong-lien-ket-15-ho.pdf",
    ]) {
      expect(text).toContain(squeeze(part));
    }
  });
});
