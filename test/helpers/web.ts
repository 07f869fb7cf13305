// The web chat in tests: the product's server around a real database (a temporary file), visited by
// browsers that keep their cookies and press buttons the way a person does — by the button's label,
// posting its form with the CSRF token the page gave. Everything goes through app.inject (no port).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { type HTMLElement, parse } from "node-html-parser";
import pino from "pino";
import { afterEach, beforeEach, expect } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { databaseAnswers } from "../../src/server/health.js";
import { createServer } from "../../src/server/index.js";
import { createServices } from "../../src/services/index.js";
import type { WebDeps } from "../../src/web/context.js";
import { catalog, i18n, units, type World, world } from "./world.js";

export interface Page {
  status: number;
  headers: LightMyRequestResponse["headers"];
  /** The response's path (after redirects). */
  path: string;
  html: string;
  dom: HTMLElement;
  /** The visible text of <main>, whitespace collapsed. */
  text: string;
}

const visibleText = (el: HTMLElement | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/** A browser: a cookie jar, the last page, and a person's ways of using it. */
export class Browser {
  readonly cookies = new Map<string, string>();
  page!: Page;

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** Any request, following redirects (303 → GET) like a browser; the final page becomes `page`. */
  async request(options: {
    method: "GET" | "POST";
    url: string;
    payload?: string | Buffer;
    headers?: Record<string, string>;
  }): Promise<Page> {
    let { method, url, payload, headers } = options;
    for (let hops = 0; hops < 10; hops++) {
      const res = await this.app.inject({
        method,
        url,
        ...(payload !== undefined ? { payload } : {}),
        headers: { ...headers, cookie: this.cookieHeader() },
      });
      for (const c of res.cookies) {
        if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
        else this.cookies.set(c.name, c.value);
      }
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === "string") {
        url = location;
        method = "GET";
        payload = undefined;
        headers = undefined;
        continue;
      }
      const dom = parse(res.body);
      this.page = {
        status: res.statusCode,
        headers: res.headers,
        path: url,
        html: res.body,
        dom,
        text: visibleText(dom.querySelector("main")),
      };
      return this.page;
    }
    throw new Error(`too many redirects from ${options.url}`);
  }

  get(url: string): Promise<Page> {
    return this.request({ method: "GET", url });
  }

  /** Posts fields as a form would (urlencoded). */
  post(url: string, fields: Record<string, string>): Promise<Page> {
    return this.request({
      method: "POST",
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  /** The form on the page whose submit button's text contains `label` (fails the test when none). */
  form(label: string | RegExp): { form: HTMLElement; button: HTMLElement } {
    const match = (t: string) => (typeof label === "string" ? t.includes(label) : label.test(t));
    for (const form of this.page.dom.querySelectorAll("form")) {
      const button = form.querySelectorAll("button").find((b) => match(visibleText(b)));
      if (button) return { form, button };
    }
    const buttons = this.page.dom.querySelectorAll("button").map((b) => visibleText(b));
    throw new Error(`no button "${label}" on ${this.page.path}: ${JSON.stringify(buttons)}`);
  }

  /** Presses the button labelled `label`, with `fields` typed into its form's inputs (by name). */
  async press(label: string | RegExp, fields: Record<string, string> = {}): Promise<Page> {
    const { form, button } = this.form(label);
    const values: Record<string, string> = {};
    for (const input of form.querySelectorAll("input, select, textarea")) {
      const name = input.getAttribute("name");
      if (!name) continue;
      const type = input.getAttribute("type");
      if ((type === "radio" || type === "checkbox") && !input.hasAttribute("checked")) continue;
      values[name] = input.getAttribute("value") ?? input.textContent ?? "";
    }
    const name = button.getAttribute("name");
    if (name) values[name] = button.getAttribute("value") ?? "";
    return this.post(form.getAttribute("action") ?? this.page.path, { ...values, ...fields });
  }

  /** Follows the link whose text contains `label`. */
  follow(label: string | RegExp): Promise<Page> {
    const match = (t: string) => (typeof label === "string" ? t.includes(label) : label.test(t));
    const link = this.page.dom.querySelectorAll("a").find((a) => match(visibleText(a)));
    if (!link) throw new Error(`no link "${label}" on ${this.page.path}`);
    return this.get(link.getAttribute("href")!);
  }

  /** The CSRF token of the current page's forms. */
  csrf(): string {
    const token = this.page.dom.querySelector('input[name="_csrf"]')?.getAttribute("value");
    expect(token, `no form on ${this.page.path}`).toBeTruthy();
    return token!;
  }
}

export interface WebHarness {
  db: Db;
  app: FastifyInstance;
  w: World;
  deps: WebDeps;
  /** A new browser with no cookies. */
  browser(): Browser;
  /**
   * A browser signed in as an existing user (as after consent on the web, or a sign-in code).
   * The user is made a web identity if they had none.
   */
  signedIn(userId: number): Browser;
}

/** The Telegram bot as the web knows it in tests; no file is ever fetched from it unless a test says so. */
export const TEST_TELEGRAM = {
  username: "ocop_test_bot",
  file: async (): Promise<Buffer> => {
    throw new Error("this test fetches no file from Telegram");
  },
};

export interface WebHarnessOptions {
  publicUrl?: string;
  /**
   * Another harness's database (e.g. the bot's, registered before this one), for a test where
   * Telegram and the web share one, as in production; this harness then leaves it open.
   */
  database?: () => Db;
}

/** A fresh database (or `options.database`), services and web server for each test. */
export function useWebHarness(options: WebHarnessOptions = {}): WebHarness {
  const h = {} as WebHarness;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ocop-web-"));
    h.db = options.database?.() ?? openDatabase(join(dir, "ocop.sqlite"));
    h.w = world(h.db);
    h.deps = {
      services: createServices(h.w.coreDeps()),
      catalog,
      adminUnits: units,
      adminIds: h.w.coreDeps().adminIds,
      i18n,
      logger: pino({ level: "silent" }),
      publicUrl: options.publicUrl ?? "http://localhost:8080",
      filesDir: join(dir, "files"),
      cookieSecret: Buffer.alloc(32, 7),
      telegram: TEST_TELEGRAM,
    };
    h.app = createServer({ logger: h.deps.logger, health: { database: databaseAnswers(h.db) }, web: h.deps });
    await h.app.ready();
    h.browser = () => new Browser(h.app);
    h.signedIn = (userId) => {
      const b = new Browser(h.app);
      b.cookies.set("ocop_session", h.deps.services.accounts.startSession(userId));
      return b;
    };
  });
  afterEach(async () => {
    await h.app.close();
    if (!options.database) h.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return h;
}
