import { describe, expect, it } from "vitest";
import { addDays, addMonths, certificateTimeline, expiryReminderDue } from "../../src/domain/certificate.js";

describe("certificate dates", () => {
  it("adds calendar months, ending on the month's last day when the day does not exist", () => {
    expect(addMonths("2024-03-15", 36)).toBe("2027-03-15");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2024-08-31", 6)).toBe("2025-02-28");
    expect(addMonths("2027-03-15", -6)).toBe("2026-09-15");
    expect(addMonths("2026-12-31", -10)).toBe("2026-02-28");
    expect(addDays("2027-03-15", -180)).toBe("2026-09-16");
  });

  it("lasts 36 months; a re-rating is filed 180 to 120 days before it expires", () => {
    expect(certificateTimeline("2024-03-15")).toEqual({
      issued: "2024-03-15",
      expires: "2027-03-15",
      refileFrom: "2026-09-16",
      refileBy: "2026-11-15",
    });
  });

  it("reminds 6 months, then 3 months before it expires, and never after", () => {
    const issued = "2024-03-15"; // expires 2027-03-15
    expect(expiryReminderDue(issued, "2026-09-14")).toBeUndefined();
    expect(expiryReminderDue(issued, "2026-09-15")).toBe(6);
    expect(expiryReminderDue(issued, "2026-11-20")).toBe(6); // 32 months old
    expect(expiryReminderDue(issued, "2026-12-15")).toBe(3);
    expect(expiryReminderDue(issued, "2027-03-15")).toBe(3);
    expect(expiryReminderDue(issued, "2027-03-16")).toBeUndefined();
    expect(expiryReminderDue(issued, "2025-01-01")).toBeUndefined();
  });
});
