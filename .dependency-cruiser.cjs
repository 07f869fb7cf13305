// The layers of the code (README: "Cấu trúc mã nguồn"), checked by `npm test`:
// domain (pure rules) ← services (use cases) ← adapters (bot, server, cli) ← main.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "adapters-call-use-cases",
      comment:
        "The bot's handlers and the web chat's routes read and write through the use cases (src/services), which authorize the actor; only the channel's own storage (sessions, the update log, the outbox sender) and /healthz touch the database.",
      severity: "error",
      from: {
        path: "^src/(bot|server|web)/",
        pathNot: "^src/bot/(session|update-log|notifications/dispatcher)\\.ts$|^src/server/health\\.ts$",
      },
      to: { path: ["^src/db/", "drizzle-orm", "better-sqlite3"] },
    },
    {
      name: "no-cycles",
      comment:
        "Modules that import each other cannot be understood, tested or moved one at a time (type imports aside: they vanish at run time).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "domain-is-pure",
      comment: "src/domain does no I/O and knows no database, channel or use case: it is given its data.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        path: [
          "^src/(db|services|bot|server|cli|forms)/",
          "^src/main\\.ts$",
          "drizzle-orm",
          "better-sqlite3",
          "grammy",
          "@grammyjs",
          "ioredis",
          "fastify",
          "^fs$",
          "^node:fs",
        ],
      },
    },
    {
      name: "core-knows-no-channel",
      comment: "The use cases serve every channel: no grammY, no Telegram adapter, no HTTP server.",
      severity: "error",
      from: { path: "^src/(services|db|domain|rubric|geo|forms|views)/" },
      to: { path: ["^src/(bot|server|web|cli)/", "^src/main\\.ts$", "grammy", "@grammyjs", "fastify"] },
    },
    {
      name: "channels-apart",
      comment:
        "The web chat and the Telegram bot are two adapters of one core: the web imports nothing of Telegram (the Fluent translations aside).",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: ["^src/bot/", "node_modules/grammy/", "node_modules/@grammyjs/(?!i18n/)"] },
    },
    {
      name: "only-main-starts-things",
      comment: "Adapters are factories; main.ts wires and starts them. Nothing imports main.",
      severity: "error",
      from: {},
      to: { path: "^src/main\\.ts$" },
    },
    {
      name: "src-not-to-test",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
