// Where the project's own files are (locales, rubrics, migrations, data, the web chat's assets),
// found from this module whether it runs from src/ (tsx: tests, command-line tools) or from its
// compiled copy in dist/src/ (`npm start`).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder: the nearest folder above this module holding package.json. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project's folder, e.g. `projectPath("locales")`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
