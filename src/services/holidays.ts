// The days off in Vietnam besides weekends, read from the shipped file (or another given file).
import { readFileSync } from "node:fs";
import { type Holidays, parseHolidays } from "../domain/calendar.js";
import { projectPath } from "../paths.js";

export const HOLIDAYS_FILE = projectPath("src/data/holidays-vn.json");

/** Reads and validates the holidays file (by default the shipped src/data/holidays-vn.json); throws naming the file when it is unreadable or malformed. */
export function loadHolidays(file: string = HOLIDAYS_FILE): Holidays {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: cannot read the holidays file: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseHolidays(json, file);
}
