// `npm run admin -- <command>`: appointing commune officers from a computer.
//   invite-officer --commune <code> [--commune <code>…]   prints a one-time deep link
//   list-officers                                          the active officers and their communes
//   revoke-officer --user <telegram id>                    removes an officer's rights
//   find-commune <text>                                    commune codes matching a name
import "../load-env.js";
import { parseArgs } from "node:util";
import { Api } from "grammy";
import { openDatabase } from "../db/client.js";
import { adminUnits } from "../geo/communes.js";
import { createI18n, translator } from "../i18n.js";
import { allOfficers, createOfficerInvite, deepLink, revokeOfficer } from "../services/membership.js";
import { formatVnDateTime } from "../bot/workflow.js";

const t = translator(createI18n(), process.env.OCOP_LOCALE ?? "vi");
const out = (text: string) => process.stdout.write(text + "\n");

function fail(message: string, code = 1): never {
  process.stderr.write(message + "\n");
  process.exit(code);
}

/** The bot's username: BOT_USERNAME, else getMe (through TELEGRAM_API_ROOT when set). */
async function botUsername(): Promise<string> {
  if (process.env.BOT_USERNAME) return process.env.BOT_USERNAME.replace(/^@/, "");
  const token = process.env.BOT_TOKEN;
  if (!token) fail(t("cli-admin-no-username"));
  const root = process.env.TELEGRAM_API_ROOT;
  try {
    const me = await new Api(token, root ? { apiRoot: root } : undefined).getMe();
    return me.username;
  } catch (e) {
    return fail(t("cli-admin-getme-failed", { message: String((e as Error).message ?? e) }));
  }
}

const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { commune: { type: "string", multiple: true }, user: { type: "string" } },
});
const [command, ...rest] = positionals;
const units = adminUnits();

switch (command) {
  case "invite-officer": {
    const codes = values.commune ?? [];
    if (codes.length === 0) fail(t("cli-missing-argument", { name: "--commune" }), 2);
    const unknown = codes.filter((c) => !units.commune(c));
    if (unknown.length) fail(t("cli-admin-commune-unknown", { codes: unknown.join(", ") }));
    const username = await botUsername();
    const db = openDatabase(process.env.DATABASE_PATH || "./data/ocop.sqlite");
    const invite = createOfficerInvite(db, codes, 0);
    db.$client.close();
    out(
      t("cli-admin-invite", {
        communes: codes.map((c) => `${units.commune(c)!.name} – ${units.commune(c)!.provinceName}`).join(", "),
        until: formatVnDateTime(invite.expiresAt),
      }),
    );
    out(deepLink(username, `officer_${invite.code}`));
    break;
  }
  case "list-officers": {
    const db = openDatabase(process.env.DATABASE_PATH || "./data/ocop.sqlite");
    const list = allOfficers(db);
    db.$client.close();
    if (list.length === 0) out(t("admin-no-officers"));
    for (const o of list) {
      const c = units.commune(o.communeCode);
      out(`${o.userId}\t${o.fullName ?? ""}\t${o.communeCode}\t${c ? `${c.name} – ${c.provinceName}` : ""}`);
    }
    break;
  }
  case "revoke-officer": {
    const id = Number(values.user);
    if (!Number.isInteger(id) || id <= 0) fail(t("cli-missing-argument", { name: "--user" }), 2);
    const db = openDatabase(process.env.DATABASE_PATH || "./data/ocop.sqlite");
    const n = revokeOfficer(db, id);
    db.$client.close();
    if (n === 0) fail(t("cli-admin-not-officer", { id }));
    out(t("admin-revoked"));
    break;
  }
  case "find-commune": {
    const found = units.search(rest.join(" "), 20);
    if (found.length === 0) fail(t("commune-none", { query: rest.join(" ") }));
    for (const c of found) out(`${c.code}\t${c.name} – ${c.provinceName}`);
    break;
  }
  default:
    fail(t("cli-admin-usage"), command ? 2 : 0);
}
