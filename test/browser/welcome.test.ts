// The first screen on a phone, in a real browser, with JavaScript on and off: the privacy notice,
// consent, the language; nothing broken in the console, nothing refused by the CSP; htmx swaps
// pages in place when it runs; and the first visit is light enough for a slow connection.
import { describe, expect, it } from "vitest";
import { CAI_NUOC } from "../helpers/world.js";
import {
  fitsTheScreen,
  follow,
  type InPage,
  PHONE,
  pathOf,
  press,
  screenshot,
  screenText,
  useBrowserHarness,
} from "./harness.js";

const h = useBrowserHarness();

describe.each([
  { javaScript: true, mode: "with JavaScript" },
  { javaScript: false, mode: "without JavaScript" },
])("the welcome on a phone $mode", ({ javaScript }) => {
  it("shows the privacy notice; consent makes the account and goes on to registration", async () => {
    const phone = await h.newPhone({ javaScript });
    await phone.goto("/");
    expect(await phone.title()).toContain("Trợ lý OCOP");
    const text = await screenText(phone);
    expect(text).toContain("Chào bạn! Mình là Trợ lý OCOP.");
    expect(text).toContain("91/2025/QH15");
    // The page fits the phone's width: nothing to scroll sideways.
    expect(await fitsTheScreen(phone)).toBe(true);
    // The notice and both buttons on the first screen, without scrolling.
    for (const label of [/Đồng ý$/, /Không đồng ý$/]) {
      const box = await phone.getByRole("button", { name: label }).first().boundingBox();
      expect(box && box.y + box.height, String(label)).toBeLessThanOrEqual(PHONE.height);
    }
    if (javaScript) await screenshot(phone, "welcome");

    await press(phone, "Đồng ý");
    expect(pathOf(phone)).toBe("/register");
    // (Checked for every phone at the end of each test too.)
    h.expectNoProblems(phone);
  });

  it("switches the language, and keeps it", async () => {
    const phone = await h.newPhone({ javaScript });
    await phone.goto("/");
    await press(phone, "English");
    expect(await screenText(phone)).toContain("Personal data protection");
    expect(await phone.locator("html").getAttribute("lang")).toBe("en");
    await phone.goto("/");
    expect(await screenText(phone)).toContain("Personal data protection");
    await press(phone, "Tiếng Việt");
    expect(await screenText(phone)).toContain("Bảo vệ dữ liệu cá nhân");
  });
});

describe("signed in", () => {
  it("a registered producer opens the home menu, and signs out", async () => {
    const owner = h.w.producer(501, CAI_NUOC);
    const phone = await h.newPhone({ signedInAs: owner.user.id });
    await phone.goto("/");
    expect(await screenText(phone)).toContain("Làm tiếp");
    await press(phone, "Đăng xuất");
    expect(await screenText(phone)).toContain("Bảo vệ dữ liệu cá nhân");
  });
});

describe("htmx", () => {
  it("is loaded and makes buttons and links update the page in place (the same document)", async () => {
    const phone = await h.newPhone({ language: "en" });
    await phone.goto("/");
    expect(await phone.evaluate(() => typeof (globalThis as unknown as InPage).htmx)).toBe("object");
    const marker = () => phone.evaluate(() => (globalThis as unknown as InPage).marker);
    await phone.evaluate(() => {
      (globalThis as unknown as InPage).marker = "same document";
    });
    await press(phone, "I agree");
    expect(pathOf(phone)).toBe("/register");
    expect(await marker()).toBe("same document");
    // The header's link home (which leads back to registration while it is missing).
    await follow(phone, "Trợ lý OCOP");
    expect(pathOf(phone)).toBe("/register");
    expect(await marker()).toBe("same document");
  });

  it("loads the whole page again to change the language, so that <html lang> follows", async () => {
    const phone = await h.newPhone();
    await phone.goto("/");
    await press(phone, "English");
    expect(await phone.locator("html").getAttribute("lang")).toBe("en");
    expect(await phone.title()).toContain("Welcome");
  });
});

describe("the first visit", () => {
  it("costs at most 100 KB on the wire: the page, its CSS and its scripts, compressed as served", async () => {
    const phone = await h.newPhone();
    const transferred: Record<string, number> = {};
    phone.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      transferred[new URL(request.url()).pathname] = sizes.responseHeadersSize + sizes.responseBodySize;
    });
    await phone.goto("/", { waitUntil: "networkidle" });
    const total = Object.values(transferred).reduce((a, b) => a + b, 0);
    console.info(`first visit to /: ${total} bytes`, transferred);
    expect(Object.keys(transferred)).toEqual(expect.arrayContaining(["/", "/static/app.css", "/vendor/htmx.min.js"]));
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});
