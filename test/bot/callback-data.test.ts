// The callback codec: one definition per button kind builds and parses its data. Every button the
// bot sends in the bot tests is checked to decode (test/helpers/bot.ts, on closing a harness); this
// file checks the codec itself, and scans the adapter for data built beside it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cb, decodeCallback } from "../../src/bot/callback-data.js";

describe("the callback codec", () => {
  it("parses back what it builds, keeping the data the bot has always sent", () => {
    expect(cb.answer(12, "A1.2", "opt:3")).toBe("a:12:A1.2:opt:3");
    expect(cb.answer.parse("a:12:A1.2:opt:3")).toEqual([12, "A1.2", "opt:3"]);
    expect(cb.clearance(7, true, "dq1")).toBe("q:7:1:dq1");
    expect(cb.clearance.parse("q:7:0:dq1")).toEqual([7, false, "dq1"]);
    expect(cb.fix(3, undefined)).toBe("fx:3");
    expect(cb.fix.parse("fx:3")).toEqual([3, undefined]);
    expect(cb.fix.parse("fx:3:evidence:A1")).toEqual([3, "evidence:A1"]);
    expect(cb.productMoveConfirm(5, 12, undefined)).toBe("pmc:5:12");
    expect(cb.productMoveConfirm.parse("pmc:5:12:c2")).toEqual([5, 12, "c2"]);
    expect(cb.reassess(9, "upgrade")).toBe("ra:9:u");
    expect(cb.reassess.parse("ra:9:r")).toEqual([9, "re-evaluation"]);
    expect(cb.addProduct()).toBe("p:new");
    expect(cb.officerList("open", 0)).toBe("hs:open:0");
    expect(cb.adminCommune("26734")).toBe("ad:commune:26734");
    expect(cb.consent.parse("c:y")).toEqual([true]);
  });

  it("tells kinds that share a prefix apart", () => {
    expect(decodeCallback("p:new")?.kind).toBe(cb.addProduct);
    expect(decodeCallback("p:42")?.kind).toBe(cb.product);
    expect(decodeCallback("ad:list")?.kind).toBe(cb.adminOfficers);
    expect(decodeCallback("ad:revoke:8")?.kind).toBe(cb.adminRevoke);
    expect(decodeCallback("hd:shown")?.kind).toBe(cb.guideShown);
  });

  it("decodes forged or truncated data to nothing", () => {
    for (const data of [
      "",
      "a",
      "a:",
      "a:0:A1:x",
      "a:12:A1",
      "r:1:2",
      "r:-1",
      "r:abc",
      "q:1:2:x",
      "c:maybe",
      "lang:fr",
      "zz:1",
      "p:1e3",
      "fk:1:1234",
      "ra:1:x",
    ]) {
      expect(decodeCallback(data), data).toBeUndefined();
    }
  });

  it("refuses to build data over Telegram's 64 bytes", () => {
    expect(() => cb.localOption(1, "tiêu-chí", "ý".repeat(30))).toThrow(/64 bytes/);
  });
});

describe("callback data outside the codec", () => {
  // Where buttons are made and pressed.
  const dir = "src/bot/features";
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));

  it("no handler matches presses by hand, and no button data is written as a literal", () => {
    const found = files.flatMap((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const hits = [
        ...text.matchAll(/\.callbackQuery\(|callback_data:|["'`][a-z][a-z0-9]{0,3}:(\$\{|[a-z]+["'`])/g),
      ].map((m) => m[0]);
      return hits.map((h) => `${f}: ${h}`);
    });
    expect(found).toEqual([]);
  });
});
