// Configuration: what each mode requires, and the variable named when a value is wrong.
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, loadConfig } from "../src/config.js";
import { localeSource } from "../src/i18n.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ";
const SECRET = "0123456789abcdef0123456789abcdef";
const webhook = {
  BOT_TOKEN: TOKEN,
  BOT_MODE: "webhook",
  WEBHOOK_URL: "https://bot.example.vn/telegram",
  WEBHOOK_SECRET: SECRET,
};

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.variable;
    throw e;
  }
  return undefined;
};

describe("configuration", () => {
  it("long polling by default, needing no webhook variables", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "" })).toMatchObject({ BOT_MODE: "polling" });
  });

  it("webhook mode: listens on 0.0.0.0:8080 unless told otherwise", () => {
    expect(loadConfig(webhook)).toMatchObject({
      BOT_MODE: "webhook",
      WEBHOOK_SECRET: SECRET,
      HOST: "0.0.0.0",
      PORT: 8080,
    });
    expect(loadConfig({ ...webhook, HOST: "127.0.0.1", PORT: "3000" })).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
    });
  });

  it.each([
    [{ ...webhook, WEBHOOK_SECRET: undefined }, "WEBHOOK_SECRET"],
    [{ ...webhook, WEBHOOK_SECRET: "  " }, "WEBHOOK_SECRET"],
    [{ ...webhook, WEBHOOK_SECRET: SECRET.slice(1) }, "WEBHOOK_SECRET"],
    [{ ...webhook, WEBHOOK_SECRET: `${SECRET}!` }, "WEBHOOK_SECRET"], // Telegram allows A-Z a-z 0-9 _ -
    [{ ...webhook, WEBHOOK_URL: undefined }, "WEBHOOK_URL"],
    [{ ...webhook, WEBHOOK_URL: "http://bot.example.vn/telegram" }, "WEBHOOK_URL"], // Telegram posts over HTTPS only
    [{ ...webhook, PORT: "80a" }, "PORT"],
    [{ ...webhook, PORT: "70000" }, "PORT"],
    [{ ...webhook, BOT_MODE: "webhooks" }, "BOT_MODE"],
  ])("refuses %j, naming %s", (env, variable) => {
    expect(refusal(env)).toBe(variable);
  });

  it("every variable has its sentence in Vietnamese and English", () => {
    const variables = new Set(configSchema.options.flatMap((mode) => Object.keys(mode.shape)));
    expect(variables).toContain("WEBHOOK_SECRET");
    for (const locale of ["vi", "en"]) {
      const text = localeSource(locale);
      expect([...variables].filter((v) => !new RegExp(`^config-${v} = `, "m").test(text))).toEqual([]);
    }
  });
});
