// Dates as people in Vietnam read them, whatever the machine's time zone.
import { describe, expect, it } from "vitest";
import { dateParts, formatDate, formatDateTime, isoDay, readTypedDay, spreadsheetDay } from "../src/dates.js";

// 00:30 on 25/11/2026 in Vietnam is still the 24th in UTC (and everywhere west of it).
const justAfterMidnight = new Date("2026-11-24T17:30:00Z");

describe("dates", () => {
  it("shows a day as dd/mm/yyyy in Asia/Ho_Chi_Minh, from an instant or a stored ISO day", () => {
    expect(formatDate(justAfterMidnight)).toBe("25/11/2026");
    expect(formatDate("2026-11-25")).toBe("25/11/2026");
    expect(formatDate("2018-03-05")).toBe("05/03/2018");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate(null)).toBe("");
    // Text that is not a date is shown as it is, never as "NaN".
    expect(formatDate("quý 3/2018")).toBe("quý 3/2018");
  });

  it("shows a time as dd/mm/yyyy HH:mm on the 24-hour clock", () => {
    expect(formatDateTime(justAfterMidnight)).toBe("25/11/2026 00:30");
    expect(formatDateTime(new Date("2026-01-01T08:05:00Z"))).toBe("01/01/2026 15:05");
  });

  it("gives the calendar day in Vietnam for storage and file names, and for spreadsheet cells", () => {
    expect(isoDay(justAfterMidnight)).toBe("2026-11-25");
    expect(dateParts(justAfterMidnight)).toEqual({ day: 25, month: 11, year: 2026 });
    expect(spreadsheetDay(justAfterMidnight)).toEqual(new Date(Date.UTC(2026, 10, 25)));
    expect(spreadsheetDay("2026-12-15")).toEqual(new Date(Date.UTC(2026, 11, 15)));
    expect(spreadsheetDay(undefined)).toBeUndefined();
    expect(() => isoDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("days people type", () => {
  // 00:30 on 25/11/2026 in Vietnam: "today" is the 25th there, whatever the machine's zone.
  const today = justAfterMidnight;

  it("reads dd/mm/yyyy, d-m-yyyy and dd.mm.yyyy as an ISO day, and refuses days that do not exist", () => {
    expect(readTypedDay("15/03/2018", { today })).toEqual({ ok: true, day: "2018-03-15" });
    expect(readTypedDay(" 5-3-2018 ", { today })).toEqual({ ok: true, day: "2018-03-05" });
    expect(readTypedDay("05.03.2018", { today })).toEqual({ ok: true, day: "2018-03-05" });
    for (const bad of ["31/02/2018", "2018-03-15", "15/13/2018", "hôm qua", ""])
      expect(readTypedDay(bad, { today })).toEqual({ ok: false, reason: "format" });
  });

  it("refuses days after today in Vietnam and before the earliest day allowed", () => {
    expect(readTypedDay("25/11/2026", { today })).toEqual({ ok: true, day: "2026-11-25" });
    expect(readTypedDay("26/11/2026", { today })).toMatchObject({ ok: false, reason: "future" });
    expect(readTypedDay("15/12/2030", { today })).toMatchObject({ ok: false, reason: "future" });
    // Submitted at 00:30 on the 25th in Vietnam: the 24th is before it, the 25th is not.
    expect(readTypedDay("24/11/2026", { today, earliest: justAfterMidnight })).toEqual({
      ok: false,
      reason: "too-early",
      day: "2026-11-24",
    });
    expect(readTypedDay("25/11/2026", { today, earliest: justAfterMidnight })).toEqual({ ok: true, day: "2026-11-25" });
    expect(readTypedDay("24/11/2026", { today, earliest: null })).toEqual({ ok: true, day: "2026-11-24" });
  });
});
