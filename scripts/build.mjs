// `npm start` runs this first: src/**/*.ts to plain JavaScript in dist/src/ (esbuild, no type check:
// `npm test` does that), so that the product runs on Node alone, without a TypeScript loader in the
// process (a loader thread and its transforms cost about 40 MiB and a second at every start).
// Only files whose content changed are written, each through a rename: several starts at once (the
// tests) never read a half-written file.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");
const sources = readdirSync(join(root, "src"), { recursive: true })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(root, "src", f));

const { outputFiles } = await build({
  entryPoints: sources,
  outbase: join(root, "src"),
  outdir: join(root, "dist", "src"),
  format: "esm",
  platform: "node",
  target: "node20",
  write: false,
  logLevel: "warning",
});

for (const file of outputFiles) {
  let current;
  try {
    current = readFileSync(file.path, "utf8");
  } catch {}
  if (current === file.text) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
