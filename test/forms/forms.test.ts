// The dossier's legal forms (Mẫu 01, 02, 03 of Decision 26/2026/QĐ-TTg) as .docx: open each file,
// read word/document.xml and check the wording, the data, the dotted lines and the page setup.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { appliesInCase, optionsFor, type Sheet } from "../../src/domain/rubric.js";
import { chosenOption, score } from "../../src/domain/scoring.js";
import { dateLineText, SIGNATURE_WIDTH } from "../../src/forms/docx-kit.js";
import { buildMau01, buildMau02, buildMau03, formFileName, formsText } from "../../src/forms/index.js";
import { FORMS_TEXT_FILE } from "../../src/forms/text.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { answers, full, honey, minimal } from "../helpers/forms.js";

// ------------------------------------------------------------------------------------------------
// Reading a .docx

interface Docx {
  xml: string;
  styles: string;
  /** Paragraph texts (runs concatenated), in document order. */
  paragraphs: string[];
  /** All text, paragraphs joined with "\n". */
  text: string;
  /** Every table row as its cells' texts. */
  rows: string[][];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join("");
}

async function openDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = await zip.file("word/styles.xml")!.async("string");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runsText(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) => runsText(p[0]))
        .filter(Boolean)
        .join("\n"),
    ),
  );
  return { xml, styles, paragraphs, text: paragraphs.join("\n"), rows };
}

/** Asserts that the texts occur in this order (each after the previous one). */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

const DOTS = /…{6,}/;

function paragraphStarting(doc: Docx, start: string): string {
  const found = doc.paragraphs.find((p) => p.startsWith(start));
  expect(found, `a paragraph starting with "${start}"`).toBeDefined();
  return found!;
}

function rowStarting(doc: Docx, start: string): string[] {
  const found = doc.rows.find((r) => r[0]?.startsWith(start));
  expect(found, `a table row starting with "${start}"`).toBeDefined();
  return found!;
}

const catalog = loadCatalog().value!;
const tourism: Sheet = catalog.sheetFor("qd26-2026", "dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich")!;

const docs: Record<"m1" | "m2" | "m3" | "e1" | "e2" | "e3", Docx> = {} as never;
const buffers: Record<string, Buffer> = {};

beforeAll(async () => {
  const built = {
    m1: await buildMau01(full),
    m2: await buildMau02(full),
    m3: await buildMau03(full),
    e1: await buildMau01(minimal),
    e2: await buildMau02(minimal),
    e3: await buildMau03(minimal),
  };
  for (const [k, b] of Object.entries(built)) {
    buffers[k] = b;
    docs[k as keyof typeof docs] = await openDocx(b);
  }
});

// ------------------------------------------------------------------------------------------------

describe("page and font", () => {
  it("every form is A4 portrait with margins 20/20/30/15 mm, in Times New Roman 13 pt", () => {
    for (const doc of Object.values(docs)) {
      expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      const margins = doc.xml.match(/<w:pgMar [^>]*>/)![0];
      expect(margins).toContain('w:top="1134"');
      expect(margins).toContain('w:bottom="1134"');
      expect(margins).toContain('w:left="1701"');
      expect(margins).toContain('w:right="850"');
      const defaults = doc.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
      expect(defaults).toMatch(
        /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
      );
      expect(defaults).toContain('<w:sz w:val="26"/>');
      // No other text font in the body: only the checkbox symbols use a symbol font.
      const fonts = new Set([...doc.xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
      expect([...fonts].filter((f) => f !== "Times New Roman" && f !== "Segoe UI Symbol")).toEqual([]);
    }
  });

  it("the national header is there, the motto bold and underlined", () => {
    for (const doc of Object.values(docs)) {
      expectInOrder(doc.text, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
      expect(doc.xml).toMatch(
        /<w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/><w:u w:val="single"\/><\/w:rPr><w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/,
      );
    }
  });
});

describe("labels and date lines", () => {
  it("each form opens with its label from Phụ lục III, before the national header", () => {
    expect(docs.m1.paragraphs[0]).toBe("Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP");
    expect(docs.e2.paragraphs[0]).toBe("Mẫu số 02: Báo cáo tự đánh giá về sản phẩm");
    expect(docs.m3.paragraphs[0]).toBe(
      "Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
    );
    expect(docs.m1.xml).toMatch(/<w:b\/>[\s\S]*?Mẫu số 01:/);
  });

  it("fits the dotted date line to its column: fewer dots for a long place, at least one", () => {
    const dots = (text: string) => (text.match(/…/g) ?? []).length;
    const width = SIGNATURE_WIDTH;
    const none = dateLineText(undefined, undefined, width);
    const long = dateLineText("Phước Long Thọ Đông", undefined, width);
    expect(none).toMatch(/^…+, ngày …+ tháng …+ năm …+$/);
    expect(dots(long) / 3).toBeLessThan(dots(none) / 4);
    expect(dateLineText("x".repeat(200), undefined, width)).toBe(`${"x".repeat(200)}, ngày … tháng … năm …`);
    expect(dateLineText("Cái Nước", "2026-02-05", width)).toBe("Cái Nước, ngày 05 tháng 02 năm 2026");
  });
});

describe("Mẫu số 01 — phiếu đăng ký", () => {
  it("has the sections of the form in order", () => {
    expectInOrder(docs.m1.text, [
      "PHIẾU ĐĂNG KÝ",
      "Tham gia đánh giá, phân hạng sản phẩm OCOP",
      "của tỉnh Cà Mau năm 2026",
      "1. Thông tin về đơn vị đăng ký:",
      "- Tên đơn vị: Hộ kinh doanh Nguyễn Thị Lan",
      "- Họ tên người đại diện pháp lý: Nguyễn Thị Lan",
      "- Chức vụ: Chủ hộ kinh doanh",
      "- Địa chỉ liên hệ: Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
      "- Điện thoại: 0912 345 678",
      "Email: matongtramlan@gmail.com",
      "2. Tên sản phẩm: Mật ong hoa tràm",
      "3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm",
      "Ngành: Thực phẩm",
      "Nhóm: Thực phẩm thô, sơ chế",
      "Phân nhóm: Mật ong, mật khác và nông sản thực phẩm khác",
      "4. Lần đăng ký đánh giá:",
      "5. Tài liệu kèm theo:",
      "- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).",
      "- Sản phẩm mẫu (số lượng): 05",
      "Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật",
      "Cái Nước, ngày 05 tháng 6 năm 2026",
      "ĐẠI DIỆN",
      "(Ký, đóng dấu, ghi rõ họ tên)",
      "Nguyễn Thị Lan",
      "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ",
      "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ",
      "Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)",
      "Ngày nhận:",
      "Người tiếp nhận:",
      "Cơ quan tiếp nhận",
      "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH",
      "Cơ quan tiếp nhận",
    ]);
  });

  it("ticks the registration kind and refers to Phụ lục I in a footnote", async () => {
    expect(paragraphStarting(docs.m1, "4. Lần đăng ký đánh giá:")).toBe(
      "4. Lần đăng ký đánh giá:    Lần đầu ☐    Nâng hạng ☑    Đánh giá lại ☐",
    );
    expect(paragraphStarting(docs.e1, "4. Lần đăng ký đánh giá:")).not.toContain("☑");
    expect(docs.m1.xml).toContain('<w:footnoteReference w:id="1"/>');
    const zip = await JSZip.loadAsync(buffers.m1!);
    expect(runsText(await zip.file("word/footnotes.xml")!.async("string"))).toContain(
      "Theo Phụ lục I về Danh mục phân loại sản phẩm",
    );
  });

  it("leaves dotted lines for the agency's part and for everything the producer did not give", () => {
    expect(paragraphStarting(docs.m1, "Ngày nhận:")).toMatch(DOTS);
    for (const label of [
      "- Tên đơn vị:",
      "- Họ tên người đại diện pháp lý:",
      "- Chức vụ:",
      "- Địa chỉ liên hệ:",
      "2. Tên sản phẩm:",
      "- Sản phẩm mẫu (số lượng):",
    ]) {
      expect(paragraphStarting(docs.e1, label)).toMatch(new RegExp(`^${label.replace(/[().]/g, "\\$&")} …{6,}$`));
    }
    expect(paragraphStarting(docs.e1, "- Điện thoại:")).toMatch(/^- Điện thoại: …{6,}\s+Email: …{6,}$/);
    expect(docs.e1.text).toMatch(/của tỉnh …{4,} năm …{4,}/);
    expect(docs.e1.text).toMatch(/…+, ngày …+ tháng …+ năm …+/);
  });
});

describe("Mẫu số 02 — báo cáo tự đánh giá", () => {
  it("has Phần I–IV and I.1–I.9 in order, with the producer's data", () => {
    expectInOrder(docs.m2.text, [
      "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM",
      "(Dành cho chủ thể có sản phẩm đăng ký)",
      "Phần I",
      "THÔNG TIN CHUNG",
      "1. Tên chủ thể: Hộ kinh doanh Nguyễn Thị Lan",
      "2. Loại hình tổ chức: Hộ sản xuất có đăng ký kinh doanh",
      "3. Địa chỉ: Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
      "4. Điện thoại: 0912 345 678",
      "Email: matongtramlan@gmail.com",
      "5. Tên người đại diện pháp luật:",
      "- Họ tên: Nguyễn Thị Lan",
      "- Giới tính: Nữ (Nam/nữ); Dân tộc: Kinh",
      "- Địa chỉ thường trú: Ấp Tân Bình",
      "6. Ngày thành lập/đăng ký kinh doanh: 12/03/2018",
      "Số giấy đăng ký (nếu có): 61K8003456",
      "7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn:",
      "- Tên sản phẩm/dịch vụ: Mật ong hoa tràm",
      "- Mô tả về quy cách sản phẩm: Chai thủy tinh 500 ml; hũ 250 ml",
      "- Tiêu chuẩn: TCVN 12605:2019",
      "Đánh dấu (√) vào mục tương ứng:",
      "a) Giấy đăng ký kinh doanh: ☑",
      "b) Đã công bố chất lượng sản phẩm theo quy định: ☑",
      "c) Đã có các điều kiện sản xuất theo quy định:",
      "- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm: ☑",
      "- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định): ☐",
      "d) Đã có đăng ký sở hữu trí tuệ: ☑",
      "+ Giấy chứng nhận đăng ký nhãn hiệu: ☑",
      "+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: ☐",
      "+ Bằng sáng chế: ☐",
      "+ Bằng độc quyền kiểu dáng công nghiệp: ☐",
      "+ Giấy chứng nhận bản quyền tác giả: ☐",
      "+ Khác (ghi rõ): ☐",
      "8. Lịch sử hình thành của chủ thể",
      "2015: gác kèo ong trong rừng tràm của gia đình.",
      "2018: đăng ký hộ kinh doanh, đóng chai mật ong.",
      "9. Cơ cấu tổ chức của chủ thể:",
      "Chủ hộ quản lý chung",
      "Phần II",
      "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH",
      "- Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm của chủ thể:",
      "+ Vùng nguyên liệu: 120 ha rừng tràm",
      "+ Công nghệ sản xuất: Máy lọc",
      "+ Sơ chế, chế biến: …",
      "+ Đóng gói sản phẩm: Chai thủy tinh",
      "- Sự thay đổi về chất lượng sản phẩm",
      "- Thị trường phân phối sản phẩm:",
      "Cửa hàng đặc sản ở Cà Mau",
      "- Kết quả sản xuất, kinh doanh:",
      "+ Doanh thu: 1,2 tỷ đồng (năm 2025)",
      "+ Lợi nhuận: 310 triệu đồng (năm 2025)",
      "Phần III",
      "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP",
      "bộ sản phẩm: Mật ong, mật khác và nông sản thực phẩm khác",
      "(tự đánh giá của chủ thể, điểm dự kiến)",
      "A. Sản phẩm và sức mạnh cộng đồng (40 điểm)",
      "1. Tổ chức sản xuất (18)",
      "A1.1 Nguồn gốc sản phẩm",
      "2. Phát triển sản phẩm (10)",
      "3. Sức mạnh cộng đồng (12)",
      "B. Khả năng tiếp thị (25 điểm)",
      "4. Tiếp thị (13)",
      "5. Câu chuyện sản phẩm (12)",
      "C. Chất lượng sản phẩm (35 điểm)",
      "6. Chỉ tiêu cảm quan (12)",
      "12. Cơ hội thị trường toàn cầu (3)",
      "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ",
      "Tổng cộng",
      "Hạng sao dự kiến:",
      "Tài liệu minh chứng còn thiếu:",
      "Phần IV",
      "KẾ HOẠCH SẢN XUẤT, KINH DOANH",
      "Năm 2027 mở thêm kênh bán trên sàn thương mại điện tử",
      "Cái Nước, ngày 05 tháng 6 năm 2026",
      "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
      "(Ký, họ tên, đóng dấu)",
      "Nguyễn Thị Lan",
      "PHỤ LỤC: DANH MỤC TÀI LIỆU MINH CHỨNG",
    ]);
  });

  it("Part III has every criterion in rubric order with the chosen option, points, description and evidence", () => {
    const criteriaRows = docs.m2.rows.filter(
      (r) => r.length === 5 && honey.criteria.some((c) => r[0]!.startsWith(`${c.id} `)),
    );
    expect(criteriaRows.map((r) => r[0])).toEqual(honey.criteria.map((c) => `${c.id} ${c.title}`));
    let sum = 0;
    for (const c of honey.criteria) {
      const row = rowStarting(docs.m2, `${c.id} ${c.title}`);
      const option = chosenOption(c, answers)!;
      expect(row[1], c.id).toBe(option.label);
      expect(row[2], c.id).toBe(`${option.points}/${c.maxPoints}`);
      const description = full.assessment.descriptions?.[c.id];
      if (description) expect(row[3]).toBe(description);
      else expect(row[3]).toMatch(DOTS);
      if (!full.assessment.evidence?.[c.id]) expect(row[4]).toMatch(DOTS);
      sum += option.points;
    }
    expect(rowStarting(docs.m2, "A1.1 ")[4]).toBe(
      "hop-dong-lien-ket-15-ho.pdf (Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi)",
    );
    expect(rowStarting(docs.m2, "A3.3 ")[4]).toBe("danh-sach-lao-dong.xlsx");
    expect(rowStarting(docs.m2, "B5.1 ")[4]).toBe("Ảnh");
    expect(sum).toBe(score(honey, answers).total);
  });

  it("shows the group subtotals, the totals per part and in total, and the indicative stars as the producer's own", () => {
    const result = score(honey, answers);
    expect(result.total).toBeGreaterThan(50);
    expect(rowStarting(docs.m2, "1. Tổ chức sản xuất (18)")[1]).toBe(`${result.groups.A1!.points}/18`);
    expect(rowStarting(docs.m2, "A. Sản phẩm và sức mạnh cộng đồng (40 điểm)")[1]).toBe(`${result.parts.A!.points}/40`);
    expect(rowStarting(docs.m2, "Phần A. Sản phẩm và sức mạnh cộng đồng")[1]).toBe(`${result.parts.A!.points}/40`);
    expect(rowStarting(docs.m2, "Phần B. Khả năng tiếp thị")[1]).toBe(`${result.parts.B!.points}/25`);
    expect(rowStarting(docs.m2, "Phần C. Chất lượng sản phẩm")[1]).toBe(`${result.parts.C!.points}/35`);
    expect(rowStarting(docs.m2, "Tổng cộng")[1]).toBe(`${result.total}/100`);
    expect(paragraphStarting(docs.m2, "Hạng sao dự kiến:")).toBe(
      `Hạng sao dự kiến: ${result.stars} sao (tự đánh giá của chủ thể, điểm dự kiến)`,
    );
    expect(docs.m2.text).toContain("chưa phải kết quả đánh giá, phân hạng chính thức");
  });

  it("names the missing evidence and lists the attached files in the appendix", () => {
    const missing = docs.m2.paragraphs.filter((p) => p.startsWith("- ") && p.includes("(tiêu chí "));
    // C7 (nutrition, 1 point) expects a test report and has none; A1.1 has its raw-material contract.
    expect(missing.some((p) => p.startsWith("- Phiếu kết quả kiểm nghiệm") && p.includes("C7"))).toBe(true);
    const rawMaterial = missing.find((p) => p.startsWith("- Nguồn gốc nguyên liệu"));
    expect(rawMaterial).toBeDefined();
    expect(rawMaterial).not.toMatch(/A1\.1\b/);
    expect(missing.some((p) => p.startsWith("- Sử dụng lao động địa phương"))).toBe(false);
    const appendix = docs.m2.rows.filter((r) => r.length === 3 && /^\d+$/.test(r[0]!));
    expect(appendix.map((r) => r[1])).toEqual([
      "Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi",
      "Sử dụng lao động địa phương",
      "Sở hữu trí tuệ",
      "Câu chuyện về sản phẩm",
      "Mã số mã vạch, tem truy xuất nguồn gốc",
    ]);
    expect(appendix[0]![2]).toBe("hop-dong-lien-ket-15-ho.pdf (A1.1)");
    expect(appendix[1]![2]).toBe("danh-sach-lao-dong.xlsx (A3.3)");
    expect(appendix[2]![2]).toBe("giay-chung-nhan-nhan-hieu.pdf (A3.5)");
    expect(appendix[3]![2]).toBe("Ảnh (B5.1)");
  });

  it("marks unanswered criteria with dots and counts them", () => {
    for (const c of honey.criteria) {
      const row = rowStarting(docs.e2, `${c.id} ${c.title}`);
      expect(row[1]).toMatch(DOTS);
      expect(row[2]).toBe(`…/${c.maxPoints}`);
      expect(row[3]).toMatch(DOTS);
      expect(row[4]).toMatch(DOTS);
    }
    expect(docs.e2.text).toContain(`Còn ${honey.criteria.length} tiêu chí chưa tự đánh giá`);
    expect(rowStarting(docs.e2, "Tổng cộng")[1]).toBe("0/100");
  });

  it("shows only the criteria of the chosen case, and names the case (tourism)", async () => {
    const caseId = tourism.cases[0]!.id;
    const applicable = tourism.criteria.filter((c) => appliesInCase(c, caseId));
    const skipped = tourism.criteria.filter((c) => !appliesInCase(c, caseId));
    const caseBound = tourism.criteria.filter((c) => c.options.some((o) => o.case !== undefined));
    expect(caseBound.length).toBeGreaterThan(0);
    const tourAnswers = Object.fromEntries(applicable.map((c) => [c.id, optionsFor(c, caseId).at(-1)!.id]));
    const doc = await openDocx(await buildMau02({ assessment: { sheet: tourism, answers: tourAnswers, caseId } }));
    expect(doc.text).toContain(`Trường hợp áp dụng: ${tourism.cases[0]!.title}.`);
    for (const c of applicable)
      expect(rowStarting(doc, `${c.id} ${c.title}`)[1]).toBe(chosenOption(c, tourAnswers, caseId)!.label);
    for (const c of skipped) expect(doc.rows.some((r) => r[0] === `${c.id} ${c.title}`)).toBe(false);
    // A criterion whose options depend on the case shows the option of this case.
    for (const c of caseBound)
      expect(optionsFor(c, caseId).map((o) => o.label)).toContain(rowStarting(doc, `${c.id} `)[1]);
    expect(rowStarting(doc, "Tổng cộng")[1]).toBe(`${score(tourism, tourAnswers, { caseId }).total}/100`);
  });
});

describe("Mẫu số 03 — báo cáo của UBND xã", () => {
  it("has the issuer, sections I and II.1–II.4 and the proposal sentence in order", () => {
    expectInOrder(docs.m3.text, [
      "ỦY BAN NHÂN DÂN",
      "XÃ CÁI NƯỚC",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: ……/BC-UBND",
      "Cái Nước, ngày 03 tháng 02 năm 2026",
      "BÁO CÁO",
      "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
      "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM",
      "1. Tên chủ thể: Hộ kinh doanh Nguyễn Thị Lan",
      "2. Loại hình tổ chức: Hộ sản xuất có đăng ký kinh doanh",
      "3. Địa chỉ: Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
      "4. Tên người đại diện pháp luật:",
      "- Họ tên: Nguyễn Thị Lan",
      "- Giới tính: Nữ (Nam/nữ); Dân tộc: Kinh",
      "- Địa chỉ thường trú: Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
      "5. Sản phẩm đăng ký đánh giá: Mật ong hoa tràm (Mật ong, mật khác và nông sản thực phẩm khác)",
      "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM",
      "1. Về sử dụng nguyên liệu địa phương:",
      "- Mô tả của chủ thể:",
      "A1.1 Nguồn gốc sản phẩm: Từ 75% đến 100% sản phẩm nuôi/trồng trên địa bàn cấp xã (3/3 điểm).",
      "Toàn bộ mật ong lấy từ kèo ong trong rừng tràm trên địa bàn xã Cái Nước.",
      "- Đánh giá của Ủy ban nhân dân xã:",
      "Từ 75% đến 100% sản phẩm nuôi/trồng trên địa bàn cấp xã (3/3 điểm).",
      "Đã kiểm tra thực tế: các kèo ong nằm trong rừng tràm của xã.",
      "2. Về sử dụng lao động địa phương:",
      "A3.3 Sử dụng lao động địa phương: Từ 75% lao động trở lên là người trên địa bàn cấp xã (3/3 điểm).",
      "6/7 lao động thường trú tại xã Cái Nước.",
      "- Đánh giá của Ủy ban nhân dân xã:",
      "Từ 75% lao động trở lên là người trên địa bàn cấp xã.",
      "3. Nguồn gốc ý tưởng sản phẩm:",
      "A2.1 Nguồn gốc ý tưởng sản phẩm:",
      "Sản phẩm truyền thống của địa phương.",
      "4. Bản sắc/trí tuệ địa phương:",
      "B5.3 Trí tuệ/bản sắc địa phương:",
      "Nghề gác kèo ong truyền thống của vùng rừng tràm U Minh.",
      "- Đánh giá của Ủy ban nhân dân xã:",
      "(Đánh giá các giá trị văn hóa",
      "Ủy ban nhân dân xã Cái Nước đề nghị Ủy ban nhân dân tỉnh Cà Mau đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Mật ong hoa tràm của Hộ kinh doanh Nguyễn Thị Lan.",
      "Nơi nhận:",
      "- Ủy ban nhân dân tỉnh Cà Mau;",
      "- Lưu: VT.",
      "T.M ỦY BAN NHÂN DÂN XÃ CÁI NƯỚC",
      "CHỦ TỊCH",
      "(Ký tên và đóng dấu)",
      "Trần Văn Minh",
    ]);
    // The topic the officer has not evaluated yet has lines to write on.
    const identity = docs.m3.text.slice(docs.m3.text.indexOf("4. Bản sắc/trí tuệ địa phương:"));
    expect(identity.slice(identity.indexOf("- Đánh giá của Ủy ban nhân dân xã:"))).toMatch(DOTS);
  });

  it("issuer and header sit side by side: issuer on the left, national motto on the right", () => {
    const header = docs.m3.rows[0]!;
    expect(header).toHaveLength(2);
    expect(header[0]).toBe("ỦY BAN NHÂN DÂN\nXÃ CÁI NƯỚC");
    expect(header[1]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
  });

  it("words a ward and a city correctly", async () => {
    const doc = await openDocx(
      await buildMau03({
        ...full,
        province: undefined,
        commune: { name: "Ba Đình", type: "ward", province: { name: "Hà Nội", type: "city" } },
      }),
    );
    expect(doc.text).toContain("PHƯỜNG BA ĐÌNH");
    expect(doc.text).toContain("Ủy ban nhân dân phường Ba Đình đề nghị Ủy ban nhân dân thành phố Hà Nội đánh giá");
    expect(doc.text).toContain("T.M ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH");
    expect(doc.text).toContain("- Đánh giá của Ủy ban nhân dân phường:");
  });
});

describe("a producer who skipped every optional question", () => {
  it("still gets three documents with the headings and dotted lines", () => {
    expectInOrder(docs.e1.text, [
      "PHIẾU ĐĂNG KÝ",
      "1. Thông tin về đơn vị đăng ký:",
      "2. Tên sản phẩm:",
      "3. Nhóm sản phẩm đăng ký",
      "4. Lần đăng ký đánh giá:",
      "5. Tài liệu kèm theo:",
      "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ",
    ]);
    // The product set still comes from the sheet.
    expect(docs.e1.text).toContain("Phân nhóm: Mật ong, mật khác và nông sản thực phẩm khác");

    expectInOrder(docs.e2.text, [
      "Phần I",
      "1. Tên chủ thể:",
      "9. Cơ cấu tổ chức của chủ thể:",
      "Phần II",
      "Phần III",
      "Tổng cộng",
      "Hạng sao dự kiến: 1 sao",
      "Phần IV",
    ]);
    for (const label of [
      "1. Tên chủ thể:",
      "2. Loại hình tổ chức:",
      "3. Địa chỉ:",
      "- Họ tên:",
      "- Tên sản phẩm/dịch vụ:",
      "+ Doanh thu:",
      "+ Lợi nhuận:",
    ]) {
      expect(paragraphStarting(docs.e2, label)).toMatch(DOTS);
    }
    expect(paragraphStarting(docs.e2, "- Giới tính:")).toMatch(/^- Giới tính: …+ \(Nam\/nữ\); Dân tộc: …+$/);
    const afterHistory = docs.e2.paragraphs.indexOf(paragraphStarting(docs.e2, "8. Lịch sử hình thành"));
    expect(docs.e2.paragraphs[afterHistory + 1]).toMatch(/^…{20,}$/);
    expect(docs.e2.text).toContain("Không có tài liệu minh chứng còn thiếu.");
    // Long labels with nothing to show go on lines of their own, with room to write.
    expect(paragraphStarting(docs.e2, "6. Ngày thành lập/đăng ký kinh doanh:")).toMatch(
      /^6\. Ngày thành lập\/đăng ký kinh doanh: …{6,}$/,
    );
    expect(paragraphStarting(docs.e2, "Số giấy đăng ký (nếu có):")).toMatch(DOTS);
    // The disqualification questions not answered yet are named, punctuated once.
    const pending = paragraphStarting(docs.e2, "Chưa xác nhận các điều kiện bắt buộc:");
    for (const d of honey.disqualification) expect(pending).toContain(d.requirement.replace(/[.…\s]+$/, ""));
    expect(pending).not.toMatch(/\.;|\.\.$|…\)\.\./);
    expect(docs.m2.text).not.toContain("Chưa xác nhận các điều kiện bắt buộc");

    expectInOrder(docs.e3.text, [
      "ỦY BAN NHÂN DÂN",
      "XÃ …",
      "BÁO CÁO",
      "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM",
      "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG",
      "1. Về sử dụng nguyên liệu địa phương:",
      "2. Về sử dụng lao động địa phương:",
      "3. Nguồn gốc ý tưởng sản phẩm:",
      "4. Bản sắc/trí tuệ địa phương:",
      "Ủy ban nhân dân xã",
    ]);
    expect(docs.e3.text).toMatch(
      /Ủy ban nhân dân xã …{4,} đề nghị Ủy ban nhân dân tỉnh …{4,} đánh giá, phân hạng sản phẩm OCOP cho sản phẩm …{4,} của …{4,}\./,
    );
    expect(paragraphStarting(docs.e3, "5. Sản phẩm đăng ký đánh giá:")).toBe(
      "5. Sản phẩm đăng ký đánh giá: (Mật ong, mật khác và nông sản thực phẩm khác)",
    );
  });

  it("writes valid .docx files", async () => {
    for (const key of ["e1", "e2", "e3"]) {
      const zip = await JSZip.loadAsync(buffers[key]!);
      expect(Object.keys(zip.files)).toEqual(
        expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]),
      );
      expect(buffers[key]!.subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("Vietnamese text", () => {
  it("keeps the diacritics as entered", () => {
    for (const word of ["Nguyễn Thị Lan", "Mật ong hoa tràm", "Cái Nước", "Ấp Tân Bình", "Cà Mau"]) {
      expect(docs.m1.text).toContain(word);
      expect(docs.m2.text).toContain(word);
      expect(docs.m3.text).toContain(word);
    }
    // Decomposed input (NFD) is not mangled either.
    expect(docs.m2.text.normalize("NFC")).toBe(docs.m2.text);
  });
});

describe("formFileName", () => {
  it("is readable ASCII: form, product, producer", () => {
    expect(formFileName("mau-02", "Mật ong hoa tràm", "Nguyễn Thị Lan")).toBe(
      "mau-02-bao-cao-tu-danh-gia-mat-ong-hoa-tram-nguyen-thi-lan.docx",
    );
    expect(formFileName("mau-01", "Mật ong hoa tràm", "Nguyễn Thị Lan")).toBe(
      "mau-01-phieu-dang-ky-mat-ong-hoa-tram-nguyen-thi-lan.docx",
    );
    expect(formFileName("mau-03", "Đặc sản Đồng Tháp", "HTX Đất Đỏ")).toBe(
      "mau-03-bao-cao-cua-xa-dac-san-dong-thap-htx-dat-do.docx",
    );
    expect(formFileName("mau-01", undefined, "")).toBe("mau-01-phieu-dang-ky.docx");
  });

  it("has no character Windows forbids and stays within 80 characters", () => {
    const names = [
      formFileName(
        "mau-02",
        'Rượu / Sim: "Phú Quốc" <đặc biệt>? *|\\',
        "Công ty TNHH Một Thành Viên Thương Mại Dịch Vụ Xuất Nhập Khẩu Nông Sản Sạch Miền Tây",
      ),
      formFileName(
        "mau-03",
        "Nước mắm nhĩ cá cơm than truyền thống Phan Thiết thượng hạng loại đặc biệt 40 độ đạm",
        "Hợp tác xã Thủy sản Hòn Rớ",
      ),
      formFileName("mau-01", "Trà", "Ông Bảy"),
    ];
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9-]+\.docx$/);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).not.toMatch(/--|-\.docx$/);
    }
    expect(names[0]).toMatch(/^mau-02-bao-cao-tu-danh-gia-ruou-sim-phu-quoc-[a-z-]*-cong-ty-tnhh/);
    expect(names[1]).toMatch(/^mau-03-bao-cao-cua-xa-nuoc-mam-.*-hop-tac-xa-thuy-san-hon-ro\.docx$/);
    expect(names[2]).toBe("mau-01-phieu-dang-ky-tra-ong-bay.docx");
  });
});

describe("the forms' wording", () => {
  it("is validated when loaded", () => {
    const t = formsText();
    expect(Object.keys(t.evidenceKinds)).toHaveLength(15);
    expect(Object.keys(t.localTopics)).toEqual(["origin", "labour", "idea", "identity"]);
    const dir = mkdtempSync(join(tmpdir(), "forms-"));
    const data = JSON.parse(readFileSync(FORMS_TEXT_FILE, "utf8"));
    const broken = join(dir, "missing-kind.json");
    delete data.evidenceKinds.awards;
    writeFileSync(broken, JSON.stringify(data));
    expect(() => formsText(broken)).toThrow(/awards/);
    const data2 = JSON.parse(readFileSync(FORMS_TEXT_FILE, "utf8"));
    data2.mau03.proposal = "Ủy ban nhân dân xã đề nghị.";
    const broken2 = join(dir, "template.json");
    writeFileSync(broken2, JSON.stringify(data2));
    expect(() => formsText(broken2)).toThrow(/proposal/);
  });
});

describe("Mẫu số 02 — honest scores and rubric versions", () => {
  it("Part III lists a “none of these” answer as such, at 0 points, and the totals count it", async () => {
    const none = { ...answers, "A1.1": "none", "A1.6": "none" };
    const doc = await openDocx(await buildMau02({ assessment: { sheet: honey, answers: none } }));
    for (const id of ["A1.1", "A1.6"]) {
      const row = rowStarting(doc, `${id} `);
      expect(row[1]).toBe("Chưa đạt mức nào (không phải phương án của phiếu)");
      expect(row[2]).toMatch(/^0\/3$/);
    }
    const result = score(honey, none);
    expect(result.total).toBe(score(honey, answers).total - 3 - 1);
    expect(rowStarting(doc, "Tổng cộng")[1]).toBe(`${result.total}/100`);
  });

  it("names the rubric version the application is scored under (Decision 148/2023 for a dossier filed before 22/5/2026)", async () => {
    const old = catalog.sheetFor("qd148-2023", "rau-cu-qua-hat-tuoi")!;
    const doc = await openDocx(await buildMau02({ assessment: { sheet: old, answers: {} } }));
    expect(doc.text).toContain("Căn cứ: Quyết định số 148/QĐ-TTg ngày 24/02/2023");
    expect(docs.m2.text).toContain("Căn cứ: Quyết định số 26/2026/QĐ-TTg");
  });
});
