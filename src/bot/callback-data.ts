// Callback data: short, opaque and untrusted. Every button kind is defined once here: a prefix and
// typed fields, joined with ":". The same definition builds the data and parses it back, and
// handlers match through it (onButton), so a press whose data no button builds matches nothing.
// The fields are ids that handlers check against the database and the user's rights.
import type { Composer, Filter } from "grammy";
import { GUIDE_TOPICS } from "../services/guide.js";
import type { ReassessmentKind } from "../services/reassessment.js";
import type { BotContext } from "./context.js";

/** One letter per re-assessment kind in the "ra" buttons' data. */
const REASSESS_LETTERS: Record<ReassessmentKind, string> = { "re-evaluation": "r", upgrade: "u", first: "f" };

/** Telegram's limit on callback data, in bytes (Vietnamese letters take 2–3 bytes each). */
export const CALLBACK_MAX_BYTES = 64;

/** How one field is written into callback data and read back (undefined: not a value of it). */
interface Field<T> {
  encode(value: T): string;
  decode(text: string): T | undefined;
  /** The last field may contain ":" and takes the rest of the data. */
  rest?: boolean;
  /** A trailing field that may be left out. */
  optional?: boolean;
}

/** A positive integer id, or undefined for anything else a client might send. */
export function parseId(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/** A small list index (0, 1, 2…), or undefined. */
export function parseIndex(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

/** A database id (1, 2, 3…). */
const id: Field<number> = { encode: String, decode: parseId };
/** A small list index (0, 1, 2…). */
const index: Field<number> = { encode: String, decode: parseIndex };
/** A page of a list (0, 1, 2…). */
const page: Field<number> = { encode: String, decode: (s) => (/^\d{1,4}$/.test(s) ? Number(s) : undefined) };
/** A key without ":" (a criterion, a field, a code). */
const key: Field<string> = { encode: (s) => s, decode: (s) => (/^[^:]+$/.test(s) ? s : undefined) };
/** A key that may contain ":"; last. */
const rest: Field<string> = { encode: (s) => s, decode: (s) => (s.length > 0 ? s : undefined), rest: true };
/** One of a few words. */
const oneOf = <T extends string>(...words: readonly T[]): Field<T> => ({
  encode: (s) => s,
  decode: (s) => words.find((w) => w === s),
});
/** A yes/no, written as two letters. */
const flag = (yes: string, no: string): Field<boolean> => ({
  encode: (b) => (b ? yes : no),
  decode: (s) => (s === yes ? true : s === no ? false : undefined),
});
/** A value written as its code in `codes`. */
const coded = <T extends string>(codes: Record<T, string>): Field<T> => ({
  encode: (v) => codes[v],
  decode: (s) => (Object.keys(codes) as T[]).find((k) => codes[k] === s),
});
const optional = <T>(field: Field<T>): Field<T | undefined> => ({
  encode: (v) => (v === undefined ? "" : field.encode(v)),
  decode: (s) => field.decode(s),
  rest: field.rest,
  optional: true,
});

type Values<F extends readonly Field<unknown>[]> = {
  -readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never;
};

/** One kind of button: builds its callback data from typed values and parses them back. */
export interface ButtonKind<V extends unknown[]> {
  readonly prefix: string;
  /** The callback data; throws if it would exceed Telegram's 64 bytes. */
  (...values: V): string;
  /** The values of data of this kind, or undefined for any other data. */
  parse(data: string): V | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: a field of any value type
function button<const F extends readonly Field<any>[]>(prefix: string, ...fields: F): ButtonKind<Values<F>> {
  const build = (...values: unknown[]) => {
    const parts = [prefix];
    fields.forEach((f, i) => {
      if (values[i] !== undefined || !f.optional) parts.push(f.encode(values[i]));
    });
    const data = parts.join(":");
    if (Buffer.byteLength(data) > CALLBACK_MAX_BYTES)
      throw new Error(`callback data over ${CALLBACK_MAX_BYTES} bytes: ${prefix}`);
    return data;
  };
  const parse = (data: string) => {
    if (!data.startsWith(`${prefix}:`)) return undefined;
    const parts = data.slice(prefix.length + 1).split(":");
    const values: unknown[] = [];
    for (const [i, f] of fields.entries()) {
      const text = f.rest ? parts.slice(i).join(":") : parts[i];
      if (text === undefined || (f.rest && text === "")) {
        if (!f.optional) return undefined;
        values.push(undefined);
        continue;
      }
      const value = f.decode(text);
      if (value === undefined) return undefined;
      values.push(value);
    }
    const used = fields.at(-1)?.rest ? parts.length : fields.length;
    return parts.length <= used ? values : undefined;
  };
  return Object.assign(build, { prefix, parse }) as unknown as ButtonKind<Values<F>>;
}

/** A button kind with one fixed datum ("p:new"). */
function fixed(prefix: string, word: string): ButtonKind<[]> {
  const data = `${prefix}:${word}`;
  return Object.assign(() => data, { prefix, parse: (d: string) => (d === data ? ([] as []) : undefined) });
}

/** Every button kind of the bot (and of the notifications it renders). */
export const cb = {
  consent: button("c", flag("y", "n")),
  orgType: button("o", key),
  businessRegistered: button("br", flag("y", "n")),
  commune: button("m", key),
  sector: button("s", index),
  group: button("g", index, index),
  productSet: button("t", id),
  productCase: button("k", key),
  product: button("p", id),
  addProduct: fixed("p", "new"),
  /** A second product with an existing product's name, confirmed as a different product. */
  otherProduct: fixed("pa", "new"),
  productRename: button("pr", id),
  productMove: button("pm", id),
  productMoveConfirm: button("pmc", id, id, optional(key)),
  productDelete: button("pd", id),
  productDeleteConfirm: button("pdy", id),
  /** Cancels a move or a deletion: back to the product. */
  productKeep: button("pk", id),
  resume: button("r", id),
  review: button("v", id),
  result: button("z", id),
  answer: button("a", id, key, rest),
  clearance: button("q", id, flag("1", "0"), rest),
  ask: button("e", id, rest),
  /** A question opened from the review: it leaves the walk through what is missing for filing. */
  reviewAsk: button("ve", id, rest),
  back: button("b", id, rest),
  saveExit: button("x", id),
  evidence: button("f", id, rest),
  evidenceKind: button("fk", id, index),
  removeEvidence: button("fd", id),
  /** The next missing item for filing, after the one with this item key (none: the first). */
  fix: button("fx", id, optional(rest)),
  submit: button("sub", id),
  /** Submit, having seen the evidence Mẫu 02 will list as missing. */
  submitConfirmed: button("sc", id),
  withdraw: button("wd", id),
  status: button("st", id),
  profileEdit: button("pf", key),
  deleteData: button("del", oneOf("ask", "sure", "no")),
  language: button("lang", oneOf("vi", "en")),
  rubricVersions: button("rv", id),
  rubricVersionSwitch: button("rvs", id, key),
  reassess: button("ra", id, coded<ReassessmentKind>(REASSESS_LETTERS)),
  officialPoints: button("op", id),
  dossier: button("d", id),
  dossierChoice: button("dc", id, index, rest),
  dossierSuggestion: button("dg", id, index),
  dossierSkip: button("ds", id, index),
  dossierStop: button("dx", id),
  dossierEdit: button("de", id, index),
  forms: button("fm", id),
  officerForms: button("o3", id),
  officerView: button("ov", id),
  officerReceive: button("or", id),
  officerForward: button("of", id),
  officerReturn: button("oq", id),
  officerEvaluate: button("oe", id),
  officerRecordResult: button("ox", id),
  localOption: button("le", id, key, rest),
  localSkip: button("lk", id),
  stars: button("rs", id, index),
  officerList: button("hs", key, page),
  inviteMember: fixed("mi", "new"),
  removeMember: button("mr", id),
  revokeInvite: button("mx", rest),
  adminInviteOfficer: fixed("ad", "invite"),
  adminOfficers: fixed("ad", "list"),
  adminCommune: button("ad:commune", key),
  adminRevoke: button("ad:revoke", id),
  guideTopic: button("hd", oneOf(...GUIDE_TOPICS)),
  /** The topic shown in the message: pressing it again does nothing. */
  guideShown: fixed("hd", "shown"),
  remindersOff: fixed("rem", "off"),
  /** Under /nhacnho: turn reminders on or off. */
  remindersSet: button("rem:set", oneOf("on", "off")),
} as const;

/** All kinds, for the check that every button the bot sends decodes. */
export const BUTTON_KINDS: readonly ButtonKind<unknown[]>[] = Object.values(cb) as never;

/** The kind and values of callback data, or undefined when no button of the bot builds it. */
export function decodeCallback(data: string): { kind: ButtonKind<unknown[]>; values: unknown[] } | undefined {
  for (const kind of BUTTON_KINDS) {
    const values = kind.parse(data);
    if (values) return { kind, values };
  }
  return undefined;
}

/**
 * Handles presses of one button kind: the handler gets the parsed values. Data of this prefix that
 * does not parse (forged, or from an older version) goes on to the next handler ("stale button").
 * A composer looks its buttons up by the data's first segment in one middleware (placed where its
 * first button was registered; its other handlers take messages, not presses), in the order they
 * were registered.
 */
// biome-ignore lint/suspicious/noExplicitAny: a button kind of any values
export function onButton<K extends ButtonKind<any>>(
  composer: Composer<BotContext>,
  kind: K,
  handler: (ctx: Press, ...values: K extends ButtonKind<infer V> ? V : never) => unknown,
): void {
  const routes = routesOf.get(composer) ?? routeButtons(composer);
  const segment = firstSegment(kind.prefix);
  routes.set(segment, [...(routes.get(segment) ?? []), { kind, handler: handler as Route["handler"] }]);
}

/** The context of a button press. */
type Press = Filter<BotContext, "callback_query:data">;

interface Route {
  kind: ButtonKind<unknown[]>;
  handler: (ctx: Press, ...values: unknown[]) => unknown;
}

const routesOf = new WeakMap<Composer<BotContext>, Map<string, Route[]>>();

const firstSegment = (data: string) => data.split(":", 1)[0]!;

function routeButtons(composer: Composer<BotContext>): Map<string, Route[]> {
  const routes = new Map<string, Route[]>();
  routesOf.set(composer, routes);
  composer.on("callback_query:data", async (ctx, next) => {
    const data = ctx.callbackQuery.data;
    for (const { kind, handler } of routes.get(firstSegment(data)) ?? []) {
      if (data !== kind.prefix && !data.startsWith(`${kind.prefix}:`)) continue;
      const values = kind.parse(data);
      if (values) return void (await handler(ctx, ...values));
    }
    return next();
  });
  return routes;
}
