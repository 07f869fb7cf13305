// The web chat in a real browser: the product's server (the same one as `useWebHarness`, around a
// fresh temporary database for each test) listening on 127.0.0.1, visited by headless Chromium
// dressed as a cheap phone (360×740, touch, Vietnamese). Playwright (playwright-core) drives the
// system's Chromium (Debian's package, /usr/bin/chromium, or CHROMIUM_PATH); nothing is downloaded.
//
// Without Chromium the tests are skipped with a notice, unless REQUIRE_CHROMIUM=1 (set by .ci/run,
// which installs it): then they fail.
//
//   const h = useBrowserHarness();
//   it("…", async () => {
//     const phone = await h.newPhone({ javaScript: false });
//     await phone.goto("/");
//     await press(phone, "Đồng ý");
//     expect(pathOf(phone)).toBe("/register");
//   }); // and it fails if the phone saw a console error or a CSP violation
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { useWebHarness, type WebHarness, type WebHarnessOptions } from "../helpers/web.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether Chromium is here; when not, the browser tests are skipped (or fail under REQUIRE_CHROMIUM=1). */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
if (!chromiumAvailable) {
  const message = `Chromium is missing at ${CHROMIUM_PATH}`;
  if (process.env.REQUIRE_CHROMIUM === "1") throw new Error(`REQUIRE_CHROMIUM=1 but ${message}.`);
  console.warn(`NOTICE: ${message}; the browser tests are SKIPPED. apt-get install chromium (or set CHROMIUM_PATH)`);
}

/**
 * Flags that work as root in a container: no sandbox (it needs user namespaces), no GPU, and none
 * of the browser's own traffic (updates, sync, QUIC probes) so that every request is the page's.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Same colours on every machine, for the screenshots.
  "--force-color-profile=srgb",
  "--hide-scrollbars",
];

/** The phone: a cheap Android phone's screen. */
export const PHONE = { width: 360, height: 740, deviceScaleFactor: 2 } as const;

export interface PhoneOptions {
  /** Default true. False: the browser runs no script at all (htmx neither), as on a phone with JavaScript off. */
  javaScript?: boolean;
  /** Signed in as this user (a session cookie, as after consent or a sign-in code). Default: a new visitor. */
  signedInAs?: number;
  /** The browser's language (Accept-Language); default Vietnamese. */
  language?: "vi" | "en";
  /**
   * Default false: the test fails at its end when the phone saw a problem (see `problems`). True
   * for a test that provokes problems on purpose and checks them itself.
   */
  allowProblems?: boolean;
}

/** What went wrong in a page that a person would not see but a test should: each line one problem. */
interface Problems {
  lines: string[];
}

export interface BrowserHarness extends WebHarness {
  /** The server's address, e.g. http://127.0.0.1:40123 (pages open relative paths against it). */
  url: string;
  /** A new phone (its own cookies) with one page open on nothing yet: `await phone.goto("/")`. */
  newPhone(options?: PhoneOptions): Promise<Page>;
  /**
   * Console errors, uncaught script errors, Content-Security-Policy violations, failed requests
   * and assets (CSS, scripts, images) that did not load, since the phone was made.
   */
  problems(page: Page): string[];
  /**
   * Fails the test when `problems(page)` is not empty, listing them. Done for every phone at the end
   * of each test anyway (unless `allowProblems`); call it to check at a given step.
   */
  expectNoProblems(page: Page): void;
}

/**
 * What code run inside the page (page.evaluate, init scripts) may use, typed: the project's tsc has
 * no DOM library, on purpose (the server's code must not use it). In a test:
 * `await phone.evaluate(() => (globalThis as unknown as InPage).htmx)`.
 */
export interface InPage {
  document: {
    addEventListener(type: string, listener: (event: CspViolationEvent) => void): void;
  };
  htmx?: unknown;
  /** Anything a test leaves on the window, e.g. a marker to prove htmx kept the same document. */
  marker?: string;
  __ocopCspViolation(text: string): void;
  __ocopSettled: number;
}

interface CspViolationEvent {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

const problemsOf = new WeakMap<Page, Problems>();

/**
 * Browser tests for one file: Chromium is launched once, and each test gets `useWebHarness`'s fresh
 * database, world and server, listening on a port of 127.0.0.1. Phones are closed after each test.
 */
export function useBrowserHarness(options: WebHarnessOptions = {}): BrowserHarness {
  const web = useWebHarness(options);
  const h = web as BrowserHarness;
  let browser: Browser | undefined;
  const closeAfterTest: (() => Promise<void>)[] = [];
  const checkAfterTest: Page[] = [];

  beforeAll(async () => {
    if (chromiumAvailable) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  // Runs after useWebHarness's beforeEach (hooks run in the order they are registered): the app is ready.
  beforeEach(async (context) => {
    if (!browser) return context.skip("Chromium is missing");
    await web.app.listen({ host: "127.0.0.1", port: 0 });
    h.url = `http://127.0.0.1:${(web.app.server.address() as AddressInfo).port}`;
  });
  // …and before its afterEach closes the app.
  afterEach(async () => {
    const pages = checkAfterTest.splice(0);
    for (const close of closeAfterTest.splice(0)) await close();
    for (const page of pages) h.expectNoProblems(page);
  });

  h.newPhone = async ({ javaScript = true, signedInAs, language = "vi", allowProblems = false } = {}) => {
    if (!browser) throw new Error("Chromium is missing");
    const context = await browser.newContext({
      baseURL: h.url,
      viewport: { width: PHONE.width, height: PHONE.height },
      deviceScaleFactor: PHONE.deviceScaleFactor,
      isMobile: true,
      hasTouch: true,
      locale: language === "vi" ? "vi-VN" : "en-US",
      timezoneId: "Asia/Ho_Chi_Minh",
      javaScriptEnabled: javaScript,
    });
    // A missing button fails the test in 10 s rather than Playwright's 30.
    context.setDefaultTimeout(10_000);
    closeAfterTest.push(() => context.close());
    if (signedInAs !== undefined)
      await context.addCookies([
        {
          name: "ocop_session",
          value: web.deps.services.accounts.startSession(signedInAs),
          url: h.url,
          httpOnly: true,
          sameSite: "Lax",
        },
      ]);

    const problems: Problems = { lines: [] };
    const note = (line: string) => problems.lines.push(line);
    // Chromium reports CSP violations on the console too; this also catches them with the
    // directive, from the page's own event. Playwright's init scripts are exempt from the CSP.
    await context.exposeBinding("__ocopCspViolation", (_source, text: string) => note(`CSP violation: ${text}`));
    await context.addInitScript(() => {
      const w = globalThis as unknown as InPage;
      w.document.addEventListener("securitypolicyviolation", (e) =>
        w.__ocopCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
      // Counts htmx's finished swaps (and failed requests), for `settle`.
      w.__ocopSettled = 0;
      for (const event of ["htmx:afterSettle", "htmx:responseError", "htmx:sendError", "htmx:swapError"])
        w.document.addEventListener(event, () => {
          w.__ocopSettled++;
        });
    });

    const page = await context.newPage();
    problemsOf.set(page, problems);
    if (!allowProblems) checkAfterTest.push(page);
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // A page's own HTTP status (e.g. a 404 page) is the test's to check; Chromium logs it as
      // "Failed to load resource" like a broken asset, which `requestfinished` catches below.
      if (message.text().startsWith("Failed to load resource")) return;
      note(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => note(`script error: ${error.message}`));
    page.on("requestfailed", async (request) => {
      // Aborted on purpose, not failed: a link to a download (Content-Disposition: attachment) ends
      // its navigation once the file is handed over, leaving a page closes its live stream of
      // notifications (EventSource), and a navigation cancels what the page it leaves was still
      // loading (its icon, say). A missing file or a server error shows up as a response instead.
      if (request.failure()?.errorText === "net::ERR_ABORTED") {
        if (request.resourceType() === "eventsource") return;
        if (!request.isNavigationRequest()) return;
        const attachment = (await request.response().catch(() => null))?.headers()["content-disposition"];
        if (attachment?.startsWith("attachment")) return;
      }
      note(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on("response", (response) => {
      const type = response.request().resourceType();
      const asset = type !== "document" && type !== "xhr" && type !== "fetch";
      if (asset ? response.status() >= 400 : response.status() >= 500)
        note(`${type} ${response.url()} answered ${response.status()}`);
    });
    return page;
  };

  h.problems = (page) => [...(problemsOf.get(page)?.lines ?? [])];
  h.expectNoProblems = (page) => expect(h.problems(page), `problems in ${page.url()}`).toEqual([]);
  return h;
}

/**
 * Waits until what `action` started is on the screen: the next page load without JavaScript, or
 * htmx's swap (hx-boost) with it. Use it around anything that navigates.
 */
export async function settle(page: Page, action: () => Promise<unknown>): Promise<void> {
  const swaps = () => page.evaluate(() => (globalThis as unknown as InPage).__ocopSettled);
  // Without JavaScript the init script did not run: no counter.
  const swapsBefore = await swaps().catch(() => undefined);
  const loaded = page.waitForEvent("load");
  const swapped =
    typeof swapsBefore === "number"
      ? page.waitForFunction((n) => (globalThis as unknown as InPage).__ocopSettled > n, swapsBefore)
      : new Promise<never>(() => {});
  // Whichever comes first; the other one is abandoned (a full load destroys the swap's watcher).
  loaded.catch(() => {});
  swapped.catch(() => {});
  await action();
  await Promise.race([loaded, swapped]);
}

/** Whether the page fits the phone's width: nothing to scroll sideways. */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  return (await page.locator("html").evaluate((html) => html.scrollWidth)) <= PHONE.width;
}

const exactly = (label: string | RegExp) =>
  typeof label === "string" ? new RegExp(`(^|\\s)${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : label;

/**
 * Presses the button whose label ends with `label` (so "Đồng ý" is "✅ Đồng ý", not "❌ Không
 * đồng ý"; a RegExp for anything else), as a thumb would, and waits for the next screen. For a
 * button that downloads a file, use Playwright itself:
 * `const [file] = await Promise.all([phone.waitForEvent("download"), phone.getByRole("link", …).tap()])`.
 */
export async function press(page: Page, label: string | RegExp): Promise<void> {
  const button = page.getByRole("button", { name: exactly(label) });
  await settle(page, () => button.tap());
}

/** Follows the link whose text ends with `label` (or matches the RegExp), and waits for the next screen. */
export async function follow(page: Page, label: string | RegExp): Promise<void> {
  const link = page.getByRole("link", { name: exactly(label) });
  await settle(page, () => link.tap());
}

/** The visible text of the screen (<main>), whitespace collapsed. */
export async function screenText(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** The path of the page shown, e.g. "/register". */
export const pathOf = (page: Page): string => new URL(page.url()).pathname;

const SCREENSHOTS_DIR = join(import.meta.dirname, "..", "..", "docs", "screenshots");

/**
 * The README's pictures come from the browser tests: docs/screenshots/<name>.png, the phone's
 * screen as shown. The screenshot is always taken (rendering must not fail), but written only with
 * SCREENSHOTS=1 (`npm run screenshots`): the PNG's bytes depend on the machine's fonts and
 * Chromium's version, so writing on every `npm test` would leave changed files after each run on
 * another machine. When written, an identical file is left alone.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const png = await page.screenshot({ animations: "disabled", caret: "hide", fullPage: options.fullPage ?? false });
  if (process.env.SCREENSHOTS !== "1") return;
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  if (existsSync(path) && readFileSync(path).equals(png)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
}
