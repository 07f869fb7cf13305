// "Hoàn thiện hồ sơ" and the Word forms from the chat.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/dates.js";
import { applications, dossierFields, evidence } from "../../src/db/schema.js";
import { getI18n } from "../../src/i18n.js";
import { DOSSIER_ITEMS } from "../../src/services/dossier.js";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import {
  addHoney,
  assessWithEvidence,
  consentAndName,
  officerInviteCode,
  registerProducer,
} from "../helpers/journeys.js";

const h = useHarness({ adminIds: [9000] });

const last = (u: FakeUser) => u.chat().last()?.text ?? "";
const recent = (u: FakeUser, n = 3) =>
  u
    .chat()
    .messages.slice(-n)
    .map((m) => m.text ?? "")
    .join("\n");

async function documentText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

async function sentDocuments(from: number) {
  const calls = h.api.callsOf("sendDocument").slice(from);
  return Promise.all(
    calls.map(async (c) => ({ name: c.files[0]!.filename, text: await documentText(c.files[0]!.content) })),
  );
}

describe("completing the dossier", () => {
  it("asks each item once, takes suggestions, validates, and fills the forms with it", async () => {
    const u = h.api.user({ id: 6001, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u);
    await assessWithEvidence(h, u);
    await h.deliver(u.press("📄 Hoàn thiện hồ sơ"));
    expect(last(u)).toContain("Mục 1/");
    await h.deliver(u.press("Lần đầu"));
    // A too-long answer is refused, saying the limit.
    await h.deliver(u.send("Ấp Tân Hòa ".repeat(300)));
    expect(last(u)).toContain("dài quá: tối đa 200 chữ");
    await h.deliver(u.send("Ấp Tân Hòa, xã Cái Nước, tỉnh Cà Mau"));
    await h.deliver(u.send("không phải email"));
    expect(last(u)).toContain("Email chưa đúng");
    await h.deliver(u.send("htx.caiNuoc@gmail.com"));
    await h.deliver(u.send("Chủ nhiệm HTX"));
    await h.deliver(u.press("Nữ"));
    await h.deliver(u.send("Kinh"));
    await h.deliver(u.press("Bỏ qua"));
    await h.deliver(u.send("31/02/2018"));
    expect(last(u)).toContain("Ngày chưa đúng");
    // A day that has not come yet is refused, saying what is accepted.
    await h.deliver(u.send("01/01/2030"));
    expect(last(u)).toContain("Ngày 01/01/2030 chưa tới");
    expect(last(u)).toContain(`hôm nay (${formatDate(new Date())})`);
    await h.deliver(u.send("15/03/2018"));
    // The rest: take every suggestion, answer yes/no questions with "Có" when suggested, else "Không";
    // pick a title where an answer needs one of several; type something elsewhere.
    const asked: string[] = [];
    for (let i = 0; i < 200 && !last(u).includes("Đã hoàn thiện thông tin"); i++) {
      const m = u.chat().last()!;
      asked.push(m.text ?? "");
      if (m.buttons.some((b) => b.text === "✅ Dùng gợi ý")) await h.deliver(u.press("✅ Dùng gợi ý"));
      else if (m.buttons.some((b) => b.text === "Có"))
        await h.deliver(u.press(m.text?.includes("Gợi ý") ? "Có" : "Không"));
      else if (m.text?.includes("văn bằng nào")) await h.deliver(u.press("Bằng sáng chế (hoặc giải pháp hữu ích)"));
      else await h.deliver(u.send("Thông tin thử nghiệm, có dấu đầy đủ: Đồng bằng sông Cửu Long."));
    }
    expect(last(u)).toContain("Đã hoàn thiện thông tin");
    // A3.5's top option needs a trademark certificate and one of three titles: the trademark is
    // suggested, the title is asked, and none of the titles is suggested on its own.
    const question = (words: string) => asked.find((t) => t.includes(words)) ?? "";
    expect(question("Đã có giấy chứng nhận nhãn hiệu chưa?")).toContain("Gợi ý từ câu trả lời của bạn: Có");
    const which = question("văn bằng nào");
    expect(which).toContain("tiêu chí A3.5");
    expect(which).not.toContain("Gợi ý");
    for (const other of ["bằng kiểu dáng công nghiệp", "bản quyền tác giả", "chỉ dẫn địa lý"]) {
      expect(question(other), other).not.toBe("");
      expect(question(other), other).not.toContain("Gợi ý");
    }
    expect(question("Có bằng sáng chế không?")).toBe("");
    // Asked once: /hoanthien now shows the summary, and an item can be changed.
    await h.deliver(u.command("/hoanthien"));
    expect(recent(u)).toContain("2. Địa chỉ của cơ sở: Ấp Tân Hòa");
    // A date typed 15/03/2018 is shown back as 15/03/2018 (stored as 2018-03-15).
    expect(recent(u)).toContain("Ngày thành lập hoặc ngày cấp đăng ký kinh doanh: 15/03/2018");
    await h.deliver(u.press("2"));
    await h.deliver(u.send("Số 12, ấp Tân Hòa, xã Cái Nước, tỉnh Cà Mau"));
    expect(recent(u)).toContain("2. Địa chỉ của cơ sở: Số 12, ấp Tân Hòa");

    const from = h.api.callsOf("sendDocument").length;
    await h.deliver(u.press("📎 Nhận giấy tờ (Mẫu 01, 02)"));
    const docs = await sentDocuments(from);
    expect(docs.map((d) => d.name)).toEqual([
      "mau-01-phieu-dang-ky-mat-ong-hoa-tram-nguyen-thi-lan.docx",
      expect.stringMatching(/^mau-02-.*mat-ong-hoa-tram-nguyen-thi-lan\.docx$/),
    ]);
    const [mau01, mau02] = docs;
    expect(mau01!.text).toContain("HTX Mật ong Cái Nước");
    expect(mau01!.text).toContain("htx.caiNuoc@gmail.com");
    expect(mau02!.text).toContain("Nguyễn Thị Lan");
    expect(mau02!.text).toContain("Số 12, ấp Tân Hòa, xã Cái Nước, tỉnh Cà Mau");
    expect(mau01!.text).toContain("Chủ nhiệm HTX");
    expect(mau02!.text).toContain("Giới tính: Nữ");
    expect(mau02!.text).toContain("Giấy chứng nhận đăng ký nhãn hiệu: ☑");
    expect(mau02!.text).toContain("+ Bằng sáng chế: ☑");
    expect(mau02!.text).toContain("+ Bằng độc quyền kiểu dáng công nghiệp: ☐");
    expect(mau02!.text).toContain("+ Giấy chứng nhận bản quyền tác giả: ☐");
    expect(mau02!.text).toContain("2. Loại hình tổ chức: Hợp tác xã");
    expect(mau02!.text).toContain("6. Ngày thành lập/đăng ký kinh doanh: 15/03/2018");
    expect(mau02!.text).toContain("2018");
    expect(mau02!.text).toContain("Đồng bằng sông Cửu Long");
    expect(mau02!.text).toContain("100");
    const stored = h.db.select().from(dossierFields).all();
    expect(stored.find((f) => f.key === "rep-gender")?.value).toBe("female");
    expect(stored.find((f) => f.key === "founded-on")?.value).toBe("2018-03-15");
  }, 60_000);

  it("a producer who skipped everything still gets valid documents, and an officer gets Mẫu 03 with them", async () => {
    const u = h.api.user({ id: 6002, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u, "Mật ong rừng U Minh");
    await assessWithEvidence(h, u);
    await h.deliver(u.press("📄 Hoàn thiện hồ sơ"));
    for (let i = 0; i < 200 && !last(u).includes("Đã hoàn thiện thông tin"); i++) await h.deliver(u.press("Bỏ qua"));
    let from = h.api.callsOf("sendDocument").length;
    await h.deliver(u.command("/hoso_giay"));
    const docs = await sentDocuments(from);
    expect(docs).toHaveLength(2);
    expect(docs[1]!.text).toContain("Mật ong rừng U Minh");
    expect(docs[1]!.text).toMatch(/[.…]{10,}/);
    // No address typed: the commune is where the producer is reached, on every form.
    for (const doc of docs) expect(doc.text).toContain("Xã Cái Nước, tỉnh Cà Mau");

    // An officer of the commune receives the three documents, Mẫu 03 first.
    const admin = h.api.user({ id: 9000, first_name: "Tỉnh" });
    const code = await officerInviteCode(h, admin, "cai nuoc", /^1\. Xã Cái Nước/);
    const officer = h.api.user({ id: 6003, first_name: "Bình" });
    await consentAndName(h, officer, "Trần Văn Bình", "0987654321", `officer_${code}`);
    await h.deliver(u.command("/nop"));
    await h.flush();
    await h.deliver(officer.press("👁 Xem"));
    from = h.api.callsOf("sendDocument").length;
    await h.deliver(officer.press("📄 Mẫu 03 và giấy tờ của chủ thể"));
    const officerDocs = await sentDocuments(from);
    expect(officerDocs.map((d) => d.name.slice(0, 6))).toEqual(["mau-03", "mau-01", "mau-02"]);
    expect(officerDocs[0]!.text).toContain("Mật ong rừng U Minh");
    expect(officerDocs[0]!.text).toContain("CÁI NƯỚC");

    // The same documents from a computer.
    const out = mkdtempSync(join(tmpdir(), "ocop-forms-"));
    const appId = h.db.select().from(applications).get()!.id;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli/forms.ts", "--application", String(appId), "--out", out],
      {
        cwd: join(import.meta.dirname, "../.."),
        env: { ...process.env, DATABASE_PATH: h.dbPath },
      },
    );
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    expect(
      readdirSync(out)
        .sort()
        .map((f) => f.slice(0, 6)),
    ).toEqual(["mau-01", "mau-02", "mau-03"]);
    expect(existsSync(join(out, readdirSync(out)[0]!))).toBe(true);
  }, 60_000);

  it("an evidence file can be tagged with its kind, and the report lists it under that kind", async () => {
    const u = h.api.user({ id: 6004, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u);
    while (
      u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "✅ Đúng")
    )
      await h.deliver(u.press("✅ Đúng"));
    // A1.1 … A1.4, then A1.5 expects raw-material records or sales contracts.
    for (let i = 0; i < 4; i++) await h.deliver(u.press(/^1 · /));
    expect(last(u)).toContain("A1.5.");
    await h.deliver(u.press("📎 Gửi minh chứng"));
    await h.deliver(
      u.sendDocument({ file_name: "hop-dong-lien-ket.pdf", file_size: 50_000, mime_type: "application/pdf" }),
    );
    expect(last(u)).toContain("Tệp này là giấy tờ gì?");
    await h.deliver(u.press("hợp đồng, hóa đơn bán hàng"));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain(
      "Đã ghi: hợp đồng, hóa đơn bán hàng",
    );
    expect(h.db.select().from(evidence).get()!.evidenceKind).toBe("market");
    const from = h.api.callsOf("sendDocument").length;
    await h.deliver(u.command("/hoso_giay"));
    const [, mau02] = await sentDocuments(from);
    expect(mau02!.text).toMatch(/Phát triển thị trường[\s\S]*hop-dong-lien-ket\.pdf \(A1\.5\)/);
  }, 60_000);

  it("every item has a label, a help line and its choices in both languages", () => {
    const i18n = getI18n();
    for (const locale of ["vi", "en"]) {
      for (const item of DOSSIER_ITEMS) {
        for (const key of [
          `dossier-${item.key}`,
          `dossier-${item.key}-help`,
          ...(item.choices ?? []).map((c) => `dossier-${item.key}-${c}`),
        ]) {
          expect(i18n.t(locale, key, { criterion: "A3.5" }), `${locale}: ${key}`).not.toBe(key);
        }
      }
      for (const tick of ["trademark", "geographical-indication", "patent", "industrial-design", "copyright"]) {
        expect(i18n.t(locale, `dossier-ip-title-legal-${tick}`)).not.toBe(`dossier-ip-title-legal-${tick}`);
      }
    }
  });
});
