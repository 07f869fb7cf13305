// `npm run admin -- <command>`: appointing commune officers from a computer.
//   invite-officer --commune <code> [--commune <code>…]   prints a one-time deep link (and the web
//                                                          link when PUBLIC_URL is set)
//   list-officers                                          the active officers and their communes
//   revoke-officer --user <telegram id>                    removes an officer's rights
//   find-commune <text>                                    commune codes matching a name
//   communes export <file.csv>                             the commune list, to edit
//   communes import <file.csv> [--yes]                     shows the differences, applies them once confirmed
import "../load-env.js";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { Api } from "grammy";
import { deepLink } from "../bot/deep-link.js";
import { formatDate, formatTime } from "../dates.js";
import { type Db, openDatabase } from "../db/client.js";
import type { AdminUnits } from "../geo/communes.js";
import { getI18n, translator } from "../i18n.js";
import {
  adminUnitsOf,
  applyCommuneImport,
  exportCommuneCsv,
  planChanges,
  planCommuneImport,
} from "../services/admin-units.js";
import { allOfficers, createOfficerInvite, revokeOfficer } from "../services/membership.js";
import { externalIdOf, telegramIdentity, userIdOf } from "../services/people.js";
import { fold } from "../text.js";
import { importProblemText, importReport, inUseReport, unitLabel, unitLabelOf } from "../views/admin-units.js";

const t = translator(getI18n(), process.env.OCOP_LOCALE ?? "vi");
const out = (text: string) => process.stdout.write(`${text}\n`);

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
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

/** The arguments, or the usage (exit 0 for --help, 2 for an unknown option) instead of a stack trace. */
function parseArguments() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        commune: { type: "string", multiple: true },
        user: { type: "string" },
        yes: { type: "boolean", short: "y" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch {
    return fail(t("cli-admin-usage"), 2);
  }
}
const { positionals, values } = parseArguments();
if (values.help) fail(t("cli-admin-usage"), 0);
const [command, ...rest] = positionals;
let opened: Db | undefined;
/** The database, opened on first use (usage errors do not create one). */
function database(): Db {
  if (!opened) {
    opened = openDatabase(process.env.DATABASE_PATH || "./data/ocop.sqlite");
    process.on("exit", () => opened!.$client.close());
  }
  return opened;
}
let list: AdminUnits | undefined;
const units = () => (list ??= adminUnitsOf(database()));

/** Asks on the terminal; only an explicit yes (c, có, y, yes) counts. */
async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question).catch(() => "");
  rl.close();
  return ["c", "co", "y", "yes"].includes(fold(answer));
}

async function importCommunes(file: string | undefined) {
  if (!file) fail(t("cli-admin-usage"), 2);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return fail(t("cli-communes-read-failed", { file, message: (e as Error).message }));
  }
  const planned = planCommuneImport(database(), units(), text);
  if (!planned.ok)
    return fail(
      [t("cli-communes-problems", { file }), ...planned.problems.map((p) => importProblemText(t, p))].join("\n"),
    );
  const { plan } = planned;
  out(
    importReport(
      t,
      plan,
      basename(file),
      plan.provinces.map((code) => units().province(code)!.name),
    ).join("\n"),
  );
  if (plan.inUse.length) return fail(inUseReport(t, plan.inUse).join("\n"));
  if (planChanges(plan) === 0) return out(t("cli-communes-nothing"));
  if (!values.yes && !(await confirmed(t("cli-communes-confirm")))) return out(t("cli-communes-cancelled"));
  const applied = applyCommuneImport(database(), plan, basename(file), process.env.USER);
  if (applied.ok) return out(t("cli-communes-applied", applied.summary));
  return fail(applied.reason === "in-use" ? inUseReport(t, applied.inUse).join("\n") : t("cli-communes-changed"));
}

switch (command) {
  case "invite-officer": {
    const codes = values.commune ?? [];
    if (codes.length === 0) fail(t("cli-missing-argument", { name: "--commune" }), 2);
    const unknown = codes.filter((c) => !units().commune(c) || units().commune(c)!.removed);
    if (unknown.length) fail(t("cli-admin-commune-unknown", { codes: unknown.join(", ") }));
    // The web chat needs no bot: with PUBLIC_URL and no bot configured, the web link alone.
    const publicUrl = process.env.PUBLIC_URL?.replace(/\/+$/, "");
    const botless = publicUrl && !process.env.BOT_USERNAME && !process.env.BOT_TOKEN;
    const username = botless ? undefined : await botUsername();
    const invite = createOfficerInvite(database(), codes, 0);
    out(
      t("cli-admin-invite", {
        communes: codes.map((c) => unitLabelOf(t, units(), c)).join(", "),
        day: formatDate(invite.expiresAt),
        time: formatTime(invite.expiresAt),
      }),
    );
    if (username) out(deepLink(username, `officer_${invite.code}`));
    if (publicUrl) out(`${publicUrl}/officer-invite/${invite.code}`);
    break;
  }
  case "list-officers": {
    const officers = allOfficers(database());
    if (officers.length === 0) out(t("admin-no-officers"));
    // Officers are named by their Telegram id, as revoke-officer takes them.
    for (const o of officers)
      out(
        `${externalIdOf(database(), o.userId, "telegram") ?? ""}\t${o.fullName ?? ""}\t${o.communeCode}\t${unitLabelOf(t, units(), o.communeCode)}`,
      );
    break;
  }
  case "revoke-officer": {
    const id = Number(values.user);
    if (!Number.isInteger(id) || id <= 0) fail(t("cli-missing-argument", { name: "--user" }), 2);
    const userId = userIdOf(database(), telegramIdentity(id));
    const n = userId === undefined ? 0 : revokeOfficer(database(), userId);
    if (n === 0) fail(t("cli-admin-not-officer", { id }));
    out(t("admin-revoked"));
    break;
  }
  case "find-commune": {
    const found = units().search(rest.join(" "), 20);
    if (found.length === 0) fail(t("commune-none", { query: rest.join(" ") }));
    for (const c of found) out(`${c.code}\t${unitLabel(t, c)}`);
    break;
  }
  case "communes": {
    const [sub, file] = rest;
    if (sub === "import") await importCommunes(file);
    else if (sub === "export" && file) {
      writeFileSync(file, exportCommuneCsv(units()));
      out(t("cli-communes-exported", { count: units().communes.length, file }));
    } else fail(t("cli-admin-usage"), 2);
    break;
  }
  default:
    fail(t("cli-admin-usage"), command ? 2 : 0);
}
