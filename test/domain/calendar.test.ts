import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  addWorkingDays,
  COMMUNE_WORKING_DAYS,
  communeDeadline,
  isValidDay,
  isWorkingDay,
  nextProvincialDeadline,
  parseHolidays,
  vnDate,
  workingDaysLeft,
} from "../../src/domain/calendar.js";
import { HOLIDAYS_FILE, loadHolidays } from "../../src/services/holidays.js";

const NONE: ReadonlySet<string> = new Set();
const SHIPPED = loadHolidays();

/** An instant given as a wall-clock time in Vietnam (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe("vnDate", () => {
  it("is the calendar day at UTC+7", () => {
    expect(vnDate(new Date("2026-03-06T16:59:59.999Z"))).toBe("2026-03-06");
    expect(vnDate(new Date("2026-03-06T17:00:00Z"))).toBe("2026-03-07");
    expect(vnDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    expect(vnDate(vn("2026-02-17T00:00"))).toBe("2026-02-17");
  });

  it("refuses an invalid Date", () => {
    expect(() => vnDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("isValidDay", () => {
  it("accepts real days and refuses everything else", () => {
    expect(isValidDay("2026-02-28")).toBe(true);
    expect(isValidDay("2028-02-29")).toBe(true);
    expect(isValidDay("2026-02-29")).toBe(false);
    expect(isValidDay("2026-13-01")).toBe(false);
    expect(isValidDay("2026-2-3")).toBe(false);
    expect(isValidDay("0026-01-01")).toBe(false); // a typo, not a day of year 26
    expect(isValidDay("2026-01-01T00:00")).toBe(false);
    expect(isValidDay("")).toBe(false);
  });
});

describe("isWorkingDay", () => {
  it("weekdays work, weekends and holidays do not", () => {
    expect(isWorkingDay("2026-03-06", NONE)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07", NONE)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08", NONE)).toBe(false); // Sunday
    expect(isWorkingDay("2026-03-09", NONE)).toBe(true); // Monday
    expect(isWorkingDay("2026-04-30", NONE)).toBe(true); // Thursday
    expect(isWorkingDay("2026-04-30", SHIPPED)).toBe(false); // Reunification Day
    expect(isWorkingDay("2026-02-18", SHIPPED)).toBe(false); // Tết
  });

  it("refuses a malformed day", () => {
    expect(() => isWorkingDay("2026-02-30", NONE)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("skips weekends and does not count the first day", () => {
    expect(addWorkingDays("2026-03-06", 1, NONE)).toBe("2026-03-09"); // Fri → Mon
    expect(addWorkingDays("2026-03-07", 1, NONE)).toBe("2026-03-09"); // Sat → Mon
    expect(addWorkingDays("2026-03-08", 1, NONE)).toBe("2026-03-09"); // Sun → Mon
    expect(addWorkingDays("2026-03-09", 1, NONE)).toBe("2026-03-10");
    expect(addWorkingDays("2026-03-09", 5, NONE)).toBe("2026-03-16"); // a week later
    expect(addWorkingDays("2026-03-02", 15, NONE)).toBe("2026-03-23"); // three weeks later
  });

  it("0 is the day itself, a negative n counts backwards", () => {
    expect(addWorkingDays("2026-03-07", 0, NONE)).toBe("2026-03-07");
    expect(addWorkingDays("2026-03-09", -1, NONE)).toBe("2026-03-06");
    expect(addWorkingDays("2026-03-16", -5, NONE)).toBe("2026-03-09");
  });

  it("a holiday in the middle pushes the day by one working day", () => {
    expect(addWorkingDays("2026-03-09", 5, NONE)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-09", 5, new Set(["2026-03-11"]))).toBe("2026-03-17");
    // A holiday on a weekend changes nothing.
    expect(addWorkingDays("2026-03-09", 5, new Set(["2026-03-14"]))).toBe("2026-03-16");
  });

  it("crosses month and year ends", () => {
    expect(addWorkingDays("2026-12-31", 1, NONE)).toBe("2027-01-01");
    expect(addWorkingDays("2026-12-31", 1, SHIPPED)).toBe("2027-01-04");
    expect(addWorkingDays("2028-02-28", 1, NONE)).toBe("2028-02-29");
  });

  it("refuses a non-integer n or a malformed day", () => {
    expect(() => addWorkingDays("2026-03-09", 1.5, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-09", Number.NaN, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays("09/03/2026", 1, NONE)).toThrow(RangeError);
  });
});

describe("communeDeadline", () => {
  it("is 15 working days by default", () => {
    expect(COMMUNE_WORKING_DAYS).toBe(15);
    expect(communeDeadline(vn("2026-03-02T09:00"), NONE)).toBe("2026-03-23");
    expect(communeDeadline(vn("2026-03-02T09:00"), NONE, 5)).toBe("2026-03-09");
  });

  it("holidays in the period push it: 30/4, 1/5 and the day off for Hùng Kings' day", () => {
    // Received Wed 22 Apr 2026. Counting: Thu 23 (1), Fri 24 (2), Mon 27 off (Hùng Kings' day
    // fell on Sun 26), Tue 28 (3), Wed 29 (4), Thu 30 and Fri 1 May off, 4–8 May (5–9),
    // 11–15 May (10–14), Mon 18 May (15).
    expect(communeDeadline(vn("2026-04-22T10:00"), SHIPPED)).toBe("2026-05-18");
    // Without holidays it would have been Wed 13 May.
    expect(communeDeadline(vn("2026-04-22T10:00"), NONE)).toBe("2026-05-13");
  });

  it("a receipt on Friday evening UTC is a Saturday receipt in Vietnam", () => {
    const fridayEveningUtc = new Date("2026-03-06T18:30:00Z"); // Sat 7 Mar, 01:30 in Vietnam
    expect(vnDate(fridayEveningUtc)).toBe("2026-03-07");
    // Counting starts on Mon 9 Mar: 9–13 (1–5), 16–20 (6–10), 23–27 (11–15).
    expect(communeDeadline(fridayEveningUtc, NONE)).toBe("2026-03-27");
    // On Friday evening UTC of 27 Mar it is already Saturday in Vietnam: the deadline is over.
    expect(workingDaysLeft(fridayEveningUtc, new Date("2026-03-27T16:59:00Z"), NONE)).toBe(0);
    expect(workingDaysLeft(fridayEveningUtc, new Date("2026-03-27T18:00:00Z"), NONE)).toBe(-1);
  });

  it("a receipt on Thursday evening UTC counts from Friday in Vietnam", () => {
    // Fri 6 Mar 03:00 in Vietnam: Mon 9 is day 1, the 15th is Fri 27 Mar. Counted from the UTC
    // day (Thu 5 Mar) it would wrongly be Thu 26 Mar.
    expect(communeDeadline(new Date("2026-03-05T20:00:00Z"), NONE)).toBe("2026-03-27");
    expect(communeDeadline(new Date("2026-03-05T16:00:00Z"), NONE)).toBe("2026-03-26");
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"]) {
        process.env.TZ = tz;
        results.push(
          [
            vnDate(new Date("2026-03-06T18:30:00Z")),
            communeDeadline(new Date("2026-03-05T20:00:00Z"), SHIPPED),
            nextProvincialDeadline(new Date("2026-04-30T17:00:00Z")).proposeBy,
          ].join(" "),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results)).toEqual(new Set(["2026-03-07 2026-03-27 2026-10-30"]));
  });

  it("15 working days over Tết 2026 land where a person with a calendar would", () => {
    // Received Wed 11 Feb 2026 (Tết is Tue 17 Feb; the offices close Sat 14 – Sun 22 Feb).
    // Counting on a wall calendar, skipping weekends and the Tết break:
    //   Thu 12 Feb (1), Fri 13 Feb (2), [14–22 Feb: Tết], Mon 23 – Fri 27 Feb (3–7),
    //   Mon 2 – Fri 6 Mar (8–12), Mon 9 Mar (13), Tue 10 Mar (14), Wed 11 Mar (15).
    expect(communeDeadline(vn("2026-02-11T14:00"), SHIPPED)).toBe("2026-03-11");
    // Received on the last working day before Tết, Fri 13 Feb: 23–27 Feb (1–5), 2–6 Mar (6–10),
    // 9–13 Mar (11–15) → Fri 13 Mar.
    expect(communeDeadline(vn("2026-02-13T16:00"), SHIPPED)).toBe("2026-03-13");
    // Received during Tết (a producer may submit any day): counting starts Mon 23 Feb,
    // 23–27 Feb (1–5), 2–6 Mar (6–10), 9–13 Mar (11–15) → Fri 13 Mar as well.
    expect(communeDeadline(vn("2026-02-18T09:00"), SHIPPED)).toBe("2026-03-13");
  });

  it("15 working days over Tết 2027 (shipped Labour Code minimum)", () => {
    // Received Wed 3 Feb 2027: Thu 4 (1), [Fri 5 – Thu 11 Feb: Tết and days off in lieu],
    // Fri 12 (2), 15–19 Feb (3–7), 22–26 Feb (8–12), Mon 1 – Wed 3 Mar (13–15).
    expect(communeDeadline(vn("2027-02-03T09:00"), SHIPPED)).toBe("2027-03-03");
  });
});

describe("workingDaysLeft", () => {
  // Received Mon 2 Mar 2026 → deadline Mon 23 Mar 2026.
  const received = vn("2026-03-02T09:00");

  it("counts the working days after today up to the deadline", () => {
    expect(workingDaysLeft(received, vn("2026-03-02T10:00"), SHIPPED)).toBe(15);
    expect(workingDaysLeft(received, vn("2026-03-06T10:00"), SHIPPED)).toBe(11); // Fri
    expect(workingDaysLeft(received, vn("2026-03-07T10:00"), SHIPPED)).toBe(11); // Sat
    expect(workingDaysLeft(received, vn("2026-03-08T10:00"), SHIPPED)).toBe(11); // Sun
    expect(workingDaysLeft(received, vn("2026-03-09T10:00"), SHIPPED)).toBe(10); // Mon
    expect(workingDaysLeft(received, vn("2026-03-20T10:00"), SHIPPED)).toBe(1);
    expect(workingDaysLeft(received, vn("2026-03-22T10:00"), SHIPPED)).toBe(1);
  });

  it("is 0 all through the deadline day in Vietnam", () => {
    expect(workingDaysLeft(received, vn("2026-03-23T00:00"), SHIPPED)).toBe(0);
    expect(workingDaysLeft(received, vn("2026-03-23T23:59"), SHIPPED)).toBe(0);
  });

  it("is negative once overdue, counting the working days past the deadline", () => {
    expect(workingDaysLeft(received, vn("2026-03-24T00:00"), SHIPPED)).toBe(-1); // Tue
    expect(workingDaysLeft(received, vn("2026-03-27T10:00"), SHIPPED)).toBe(-4); // Fri
    expect(workingDaysLeft(received, vn("2026-03-28T10:00"), SHIPPED)).toBe(-4); // Sat
    expect(workingDaysLeft(received, vn("2026-03-30T10:00"), SHIPPED)).toBe(-5); // Mon
  });

  it("a weekend right after a Friday deadline already reads as overdue", () => {
    const sat = vn("2026-03-07T09:00"); // deadline Fri 27 Mar
    expect(workingDaysLeft(sat, vn("2026-03-27T12:00"), NONE)).toBe(0);
    expect(workingDaysLeft(sat, vn("2026-03-28T12:00"), NONE)).toBe(-1);
    expect(workingDaysLeft(sat, vn("2026-03-29T12:00"), NONE)).toBe(-1);
    expect(workingDaysLeft(sat, vn("2026-03-30T12:00"), NONE)).toBe(-1);
    expect(workingDaysLeft(sat, vn("2026-03-31T12:00"), NONE)).toBe(-2);
  });

  it("holidays are neither left nor overdue days", () => {
    // Received Wed 11 Feb 2026, deadline Wed 11 Mar: on Fri 13 Feb, 13 working days are left
    // (23–27 Feb, 2–6 Mar, 9–11 Mar); the Tết break costs none.
    const tet = vn("2026-02-11T14:00");
    expect(workingDaysLeft(tet, vn("2026-02-13T10:00"), SHIPPED)).toBe(13);
    expect(workingDaysLeft(tet, vn("2026-02-20T10:00"), SHIPPED)).toBe(13);
    // Received Wed 22 Apr 2026 with deadline Mon 18 May; a deadline on Wed 29 Apr (5 days):
    // Thu 30 Apr and Fri 1 May are holidays, so Mon 4 May is the first day overdue.
    const apr = vn("2026-04-22T10:00");
    expect(communeDeadline(apr, SHIPPED, 4)).toBe("2026-04-29");
    expect(workingDaysLeft(apr, vn("2026-05-01T10:00"), SHIPPED, 4)).toBe(-1);
    expect(workingDaysLeft(apr, vn("2026-05-04T10:00"), SHIPPED, 4)).toBe(-1);
    expect(workingDaysLeft(apr, vn("2026-05-05T10:00"), SHIPPED, 4)).toBe(-2);
  });

  it("agrees with communeDeadline for every day of a year", () => {
    const start = vn("2026-01-05T09:00");
    const deadline = communeDeadline(start, SHIPPED);
    for (let d = 0; d < 365; d++) {
      const now = new Date(start.getTime() + d * 86_400_000);
      const left = workingDaysLeft(start, now, SHIPPED);
      const today = vnDate(now);
      if (today === deadline) expect(left).toBe(0);
      else if (today < deadline) {
        expect(left).toBeGreaterThan(0);
        expect(addWorkingDays(today, left, SHIPPED)).toBe(deadline);
      } else expect(left).toBeLessThan(0);
    }
  });
});

describe("nextProvincialDeadline", () => {
  const spring = { proposeBy: "2026-04-30", ratedBy: "2026-06-30" };
  const autumn = { proposeBy: "2026-10-30", ratedBy: "2026-12-30" };
  const nextSpring = { proposeBy: "2027-04-30", ratedBy: "2027-06-30" };

  it.each([
    ["2026-01-01T00:00", spring],
    ["2026-04-29T12:00", spring],
    ["2026-04-30T00:00", spring],
    ["2026-04-30T23:59", spring],
    ["2026-05-01T00:00", autumn],
    ["2026-10-29T12:00", autumn],
    ["2026-10-30T23:59", autumn],
    ["2026-10-31T00:00", nextSpring],
    ["2026-12-31T12:00", nextSpring],
    ["2027-01-01T00:00", nextSpring],
  ])("on %s in Vietnam", (local, want) => {
    expect(nextProvincialDeadline(vn(local))).toEqual(want);
  });

  it("uses the day in Vietnam, not in UTC", () => {
    // 30 Apr 17:30 UTC is 1 May in Vietnam: the spring round is closed.
    expect(nextProvincialDeadline(new Date("2026-04-30T17:30:00Z"))).toEqual(autumn);
    // 30 Oct 17:30 UTC is 31 Oct in Vietnam.
    expect(nextProvincialDeadline(new Date("2026-10-30T17:30:00Z"))).toEqual(nextSpring);
  });
});

describe("the shipped holidays file", () => {
  const raw = JSON.parse(readFileSync(HOLIDAYS_FILE, "utf8")) as { source: string; days: string[] };

  it("parses, and every day is a real day of 2026 or 2027, sorted and unique", () => {
    expect(SHIPPED.size).toBeGreaterThan(0);
    expect(parseHolidays(raw)).toEqual(SHIPPED);
    for (const day of raw.days) {
      expect(isValidDay(day), day).toBe(true);
      expect(["2026", "2027"]).toContain(day.slice(0, 4));
    }
    expect(raw.days).toEqual([...new Set(raw.days)].sort());
  });

  it.each(["2026", "2027"])("holds the fixed-date holidays of %s", (year) => {
    for (const md of ["01-01", "04-30", "05-01", "09-02"]) expect(SHIPPED.has(`${year}-${md}`)).toBe(true);
    const adjacent = [`${year}-09-01`, `${year}-09-03`].filter((d) => SHIPPED.has(d));
    expect(adjacent).toHaveLength(1);
  });

  it("holds Tết and Hùng Kings' day", () => {
    for (let d = 14; d <= 22; d++) expect(SHIPPED.has(`2026-02-${d}`)).toBe(true);
    expect(SHIPPED.has("2026-04-26")).toBe(true);
    expect(SHIPPED.has("2026-04-27")).toBe(true); // in lieu of Sunday 26 Apr
    expect(SHIPPED.has("2027-04-16")).toBe(true);
    expect(SHIPPED.has("2027-02-06")).toBe(true);
    // Tết 2027 costs at least the 5 working days of the Labour Code.
    const tet2027 = [...SHIPPED].filter((d) => d.startsWith("2027-02") && isWorkingDay(d, NONE));
    expect(tet2027.length).toBeGreaterThanOrEqual(5);
    // Every year's holidays cost at least the 11 working days of the Labour Code (Art. 112).
    for (const year of ["2026", "2027"]) {
      const off = [...SHIPPED].filter((d) => d.startsWith(year) && isWorkingDay(d, NONE));
      expect(off.length, year).toBeGreaterThanOrEqual(11);
    }
  });

  it("says where the days come from and what was assumed", () => {
    expect(raw.source).toMatch(/Labour Code/);
    expect(raw.source).toMatch(/2027/);
    expect(raw.source).toMatch(/ASSUMED/);
  });
});

describe("a malformed holidays file", () => {
  const ok = { source: "test", days: ["2026-01-01"] };

  it.each([
    ["not an object", null, /\(root\)/],
    ["an array", ["2026-01-01"], /\(root\)/],
    ["no source", { days: ["2026-01-01"] }, /source/],
    ["an empty source", { source: "  ", days: [] }, /source/],
    ["no days", { source: "test" }, /days/],
    ["days not a list", { source: "test", days: "2026-01-01" }, /days/],
    ["a day that does not exist", { source: "test", days: ["2026-01-01", "2026-02-30"] }, /days\.1: .*"2026-02-30"/],
    ["a day in another format", { source: "test", days: ["01/01/2026"] }, /days\.0: .*"01\/01\/2026"/],
    ["a number for a day", { source: "test", days: [20260101] }, /days\.0/],
    ["a misspelt key", { source: "test", days: [], day: ["2026-01-01"] }, /Unrecognized key: "day"/],
  ])("is rejected: %s", (_what, json, message) => {
    expect(() => parseHolidays(json, "holidays-vn.json")).toThrow(/^holidays-vn\.json: invalid holidays file/);
    expect(() => parseHolidays(json)).toThrow(message);
  });

  it("a valid minimal file is accepted", () => {
    expect(parseHolidays(ok)).toEqual(new Set(["2026-01-01"]));
    expect(parseHolidays({ source: "test", days: [] })).toEqual(new Set());
  });

  describe("from disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "holidays-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("a file that is not JSON names the file", () => {
      const file = join(dir, "broken.json");
      writeFileSync(file, '{ "source": "x", "days": ["2026-01-01",] }');
      expect(() => loadHolidays(file)).toThrow(file);
    });

    it("a missing file names the file", () => {
      const file = join(dir, "missing.json");
      expect(() => loadHolidays(file)).toThrow(file);
    });

    it("an invalid day names the file and the day", () => {
      const file = join(dir, "bad-day.json");
      writeFileSync(file, JSON.stringify({ source: "x", days: ["2026-04-31"] }));
      expect(() => loadHolidays(file)).toThrow(/bad-day\.json: invalid holidays file:\n {2}days\.0: .*"2026-04-31"/);
    });

    it("a valid file loads", () => {
      const file = join(dir, "good.json");
      writeFileSync(file, JSON.stringify({ source: "x", days: ["2026-09-02"] }));
      expect(loadHolidays(file)).toEqual(new Set(["2026-09-02"]));
    });
  });
});
