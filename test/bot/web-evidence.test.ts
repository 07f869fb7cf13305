// Evidence crosses channels: a file uploaded on the web reaches the commune officer on Telegram
// (sent from disk, as a document), and a file sent on Telegram can be read for the web.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { cb } from "../../src/bot/callback-data.js";
import { telegramFileReader } from "../../src/bot/telegram-api.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { addEvidence, webFileId } from "../../src/services/evidence.js";
import { act } from "../../src/services/workflow.js";
import { useHarness } from "../helpers/bot.js";
import { CAI_NUOC, catalog, world } from "../helpers/world.js";

/** The one API error provoked on purpose: reading a file Telegram does not know. */
const h = useHarness({}, () => (c) => c.method === "getFile" && c.params.file_id === "no-such-file");

describe("evidence uploaded on the web", () => {
  it("reaches the officer as documents uploaded from disk, never as a file id Telegram does not know", async () => {
    const w = world(h.db);
    const p = w.producer(8101, CAI_NUOC);
    const officerId = w.officer(8001, [CAI_NUOC]);
    expect(officerId).toBe(8001);
    const appId = w.draft(p, "Mật ong hoa tràm");
    w.answer(appId, p.user.id);
    const a = loadAssessment(h.db, catalog, appId)!;
    const proven = a.criteria.filter((c) => c.evidence.length > 0);
    mkdirSync(h.filesDir, { recursive: true });
    for (const c of proven) {
      const content = Buffer.from(`%PDF-1.4 evidence for ${c.id}\n%%EOF\n`);
      const sha = createHash("sha256").update(content).digest("hex");
      writeFileSync(join(h.filesDir, sha), content);
      addEvidence(h.db, {
        applicationId: appId,
        criterionId: c.id,
        fileId: webFileId(sha),
        fileUniqueId: webFileId(sha),
        fileName: `minh-chung-${c.id}.pdf`,
        fileSize: content.length,
        mimeType: "application/pdf",
        kind: c.id === proven[0]!.id ? "photo" : "document",
        addedBy: p.user.id,
      });
    }
    expect(act(w.workflow(), p.user.id, appId, "submit").ok).toBe(true);

    const officer = h.api.user({ id: 8001, first_name: "Bình" });
    await h.deliver(officer.command("/hoso"));
    const from = h.api.calls.length;
    await h.deliver(officer.pressData(cb.officerView(appId)));
    const calls = h.api.calls.slice(from);
    expect(JSON.stringify(calls.map((c) => c.params))).not.toContain("web:");
    const sent = calls.filter((c) => ["sendMediaGroup", "sendDocument", "sendPhoto"].includes(c.method));
    expect(sent.every((c) => c.method !== "sendPhoto")).toBe(true);
    // Every file went up with the request, under its own name.
    const uploads = sent.flatMap((c) => c.files);
    expect(uploads.map((f) => f.filename).sort()).toEqual(proven.map((c) => `minh-chung-${c.id}.pdf`).sort());
    const documents = officer.chat().messages.filter((m) => m.raw.document);
    expect(documents).toHaveLength(proven.length);
    expect(documents.map((m) => m.caption ?? "").join("\n")).toContain(`minh-chung-${proven[0]!.id}.pdf`);
  }, 60_000);
});

describe("evidence sent on Telegram, for the web", () => {
  it("is read through getFile and the file download", async () => {
    const producer = h.api.user({ id: 8102, first_name: "Lan" });
    const update = producer.sendPhoto();
    const fileId = update.message!.photo!.at(-1)!.file_id;
    const read = telegramFileReader(new Api(h.api.token, { apiRoot: h.api.url }), h.api.token, h.api.url);
    expect((await read(fileId)).equals(h.api.fileContent(fileId)!)).toBe(true);
    await expect(read("no-such-file")).rejects.toThrow();
  });
});
