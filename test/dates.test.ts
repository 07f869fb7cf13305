// Dates as people in Vietnam read them, whatever the machine's time zone.
import { describe, expect, it } from "vitest";
import { dateParts, formatDate, formatDateTime, isoDay, spreadsheetDay } from "../src/dates.js";

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
