// The web chat: the same conversation as on Telegram, as server-rendered pages for any phone
// browser. A second adapter over the same use cases (ctx.services there, deps.services here): it
// adds no role checks of its own and skips none.
import { createRequire } from "node:module";
import { join } from "node:path";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DEFAULT_LOCALE } from "../i18n.js";
import { projectPath } from "../paths.js";
import { EVIDENCE_MAX_BYTES } from "../services/evidence.js";
import { hasConsent } from "../services/people.js";
import { missingRegistrationItem } from "../services/profile.js";
import type { WebDeps } from "./context.js";
import { cookieOptions, LANGUAGE_COOKIE, SESSION_COOKIE } from "./cookies.js";
import { escapeHtml, Html } from "./html.js";
import { sendPage } from "./layout.js";
import { webRoutes } from "./routes/index.js";

/** Requests per minute from one browser session (or one address before sign-in): a whole class at one commune's Wi-Fi stays well under it. */
const REQUESTS_PER_MINUTE = 600;

const htmxPath = createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js");

function negotiateLocale(req: FastifyRequest, chosen: string | null | undefined): string {
  const cookie = req.cookies[LANGUAGE_COOKIE];
  if (chosen) return chosen;
  if (cookie && (["vi", "en"] as const).some((l) => l === cookie)) return cookie;
  return /^en\b/i.test(req.headers["accept-language"] ?? "") ? "en" : "vi";
}

/**
 * Registers the web chat on `app`: pages at /, assets under /static and /vendor, the manifest.
 * Security: helmet's headers with a strict Content-Security-Policy (scripts and styles from the
 * same origin only), CSRF tokens on every POST, rate limits per session or address.
 */
export async function webChat(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie, { secret: deps.cookieSecret });

  // Assets: no visitor, no CSRF.
  await app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: projectPath("src/web/public"),
      prefix: "/static/",
      maxAge: "1d",
    });
    assets.get("/vendor/htmx.min.js", (_req, reply) =>
      reply.header("cache-control", "public, max-age=604800").sendFile("htmx.min.js", join(htmxPath, "..")),
    );
    assets.get("/manifest.webmanifest", (_req, reply) =>
      reply.type("application/manifest+json").sendFile("manifest.webmanifest"),
    );
  });

  await app.register(async (pages) => {
    await pages.register(fastifyRateLimit, {
      max: REQUESTS_PER_MINUTE,
      timeWindow: "1 minute",
      keyGenerator: (req) => req.cookies[SESSION_COOKIE] ?? req.ip,
    });
    await pages.register(fastifyFormbody);
    await pages.register(fastifyMultipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10 } });
    await pages.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieOpts: { ...cookieOptions(deps), signed: true },
      // Multipart forms carry the token in their action's query: their body is read by the route.
      getToken: (req) =>
        (req.body as { _csrf?: string } | undefined)?._csrf ?? (req.query as { _csrf?: string } | undefined)?._csrf,
    });

    pages.decorateRequest("visitor", undefined as never);
    pages.addHook("onRequest", async (req, reply) => {
      const user = deps.services.accounts.userOfSession(req.cookies[SESSION_COOKIE]);
      const locale = negotiateLocale(req, user?.language);
      const text = (key: string, args?: Record<string, string | number>) => deps.i18n.t(locale, key, args);
      const t = (key: string, args: Record<string, string | number> = {}) =>
        new Html(
          text(
            key,
            Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "string" ? escapeHtml(v) : v])),
          ),
        );
      // Read only by pages that show the header: a POST that redirects does not count notices.
      let unread: number | undefined;
      req.visitor = {
        user,
        actor: user?.id,
        locale,
        t,
        text,
        csrf: reply.generateCsrf(),
        get unread() {
          unread ??= user ? deps.services.notifications.unreadCount(user.id) : 0;
          return unread;
        },
        set unread(n) {
          unread = n;
        },
      };
    });
    pages.addHook("preHandler", (req, reply, done) => {
      if (req.method === "POST") pages.csrfProtection(req, reply, done);
      else done();
    });
    pages.addHook("preHandler", async (req, reply) => {
      const to = unfinishedOnboarding(deps, req);
      if (to) return reply.redirect(to, 303);
      return undefined;
    });

    pages.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) =>
      errorPage(deps, err, req, reply),
    );
    // A missing asset (/static/…) comes here from the static files' scope, without a visitor: plain 404.
    pages.setNotFoundHandler((req, reply) =>
      req.visitor
        ? sendPage(req, reply, {
            status: 404,
            title: req.visitor.text("web-not-found-title"),
            body: req.visitor.t("web-not-found"),
          })
        : reply.code(404).type("text/plain; charset=utf-8").send(deps.i18n.t(DEFAULT_LOCALE, "web-not-found-title")),
    );

    await webRoutes(pages, deps);
  });
}

/**
 * Pages a person may open before consent and registration are done: the welcome, consent,
 * registration, signing in and out, their own account and data, and the invite links (joined before
 * registering, so that a member or officer is then asked only their name and phone).
 */
const OPEN_BEFORE_REGISTRATION =
  /^\/(?:$|consent$|decline$|language$|sign-out$|sign-in$|register$|account(?:\/|$)|notifications(?:\/|$)|join\/|officer-invite\/|sw\.js$)/;

/**
 * Where a signed-in person is sent before anything else: the privacy notice until they consent
 * (to its current version), then the registration item still missing. Undefined: go on.
 */
function unfinishedOnboarding(deps: WebDeps, req: FastifyRequest): string | undefined {
  // A missing asset reaches the 404 handler from the assets' scope, without a visitor.
  const user = req.visitor?.user;
  const route = req.routeOptions.url;
  // Visitors without an account are refused by the use cases (404), and a 404 is a 404 for everyone.
  if (!user || req.is404 || route === undefined || OPEN_BEFORE_REGISTRATION.test(route)) return undefined;
  if (!hasConsent(user)) return "/";
  const profile = deps.services.people.profile(user.id);
  return profile && missingRegistrationItem(profile) ? "/register" : undefined;
}

/** Errors as pages in the visitor's language; only unexpected ones are logged, without personal data. */
function errorPage(
  deps: WebDeps,
  err: Error & { statusCode?: number; code?: string },
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  const key =
    err.code === "FST_CSRF_INVALID_TOKEN" || err.code === "FST_CSRF_MISSING_SECRET"
      ? "web-error-stale-form"
      : status === 429
        ? "web-error-too-many"
        : status === 413 || err.code === "FST_REQ_FILE_TOO_LARGE"
          ? "web-error-too-large"
          : status < 500
            ? "web-error-bad-request"
            : "web-error-server";
  if (status >= 500)
    deps.logger.error({ err: err.message, code: err.code, route: req.routeOptions.url }, "web chat error");
  // The visitor may be missing when the request failed before the hook (a rate limit): a plain page then.
  if (!req.visitor) return reply.code(status).type("text/plain; charset=utf-8").send(deps.i18n.t(DEFAULT_LOCALE, key));
  return sendPage(req, reply, { status, title: req.visitor.text("web-error-title"), body: req.visitor.t(key) });
}
