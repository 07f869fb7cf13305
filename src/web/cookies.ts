// The web chat's cookies: the session token, the language chosen before signing in.
import type { WebDeps } from "./context.js";

/** The cookie holding the browser's session token. */
export const SESSION_COOKIE = "ocop_session";
/** The cookie holding the language chosen before signing in. */
export const LANGUAGE_COOKIE = "ocop_lang";

/** HttpOnly, SameSite=Lax, and Secure when the web chat is served over https (PUBLIC_URL). */
export function cookieOptions(deps: Pick<WebDeps, "publicUrl">) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: deps.publicUrl.startsWith("https:") };
}

/** The session cookie lasts as long as a session may stay idle (90 days, in seconds). */
export function sessionCookie(deps: Pick<WebDeps, "publicUrl">) {
  return { ...cookieOptions(deps), maxAge: 90 * 24 * 3600 };
}

/** A path on this site to go back to, from a form field; anything else (another site, "//x") gives "/". */
export function localPath(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : "/";
}
