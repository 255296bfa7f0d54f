import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "~/modules/reminders/ical";
import { addMonths, isIsoDay, taipeiDay } from "~/modules/reminders/reminder-dates";
import { planReminders, type SourcePoint } from "~/modules/reminders/reminder-points";

const octets = (s: string) => new TextEncoder().encode(s).length;
const goldCardWindow: SourcePoint = {
  id: "gold-card-extension-window",
  kind: "gold-card",
  monthsBeforeExpiry: 4,
  sourceIds: ["gc-validity"],
  effectiveFrom: "2021-10-25",
};

describe("iCalendar writer", () => {
  it("writes an RFC 5545 file that ical.js reads back: all-day dates, language, escaped text", () => {
    const summary = '護照到期：李美玲, Lee; "Mei" \\ 第二行';
    const text = buildCalendar(
      [
        {
          uid: "doc-1-expiry@talent-taiwan",
          day: "2027-03-02",
          summary,
          description: "行一\n行二",
          url: "http://localhost/zh-TW/account/reminders",
        },
        { uid: "rem-1@talent-taiwan", day: "2026-11-02", summary: "提醒".repeat(40), alarm: true },
      ],
      { now: new Date("2026-12-02T08:09:10.123Z"), name: "護照", lang: "zh-TW" }
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const [expiry, reminder] = calendar.getAllSubcomponents("vevent");
    const start = expiry!.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe("2027-03-02");
    expect((expiry!.getFirstPropertyValue("dtend") as ICAL.Time).toString()).toBe("2027-03-03");
    expect(expiry!.getFirstPropertyValue("uid")).toBe("doc-1-expiry@talent-taiwan");
    expect((expiry!.getFirstPropertyValue("dtstamp") as ICAL.Time).toString()).toBe("2026-12-02T08:09:10Z");
    expect(expiry!.getFirstPropertyValue("summary")).toBe(summary);
    expect(expiry!.getFirstProperty("summary")!.getParameter("language")).toBe("zh-TW");
    expect(expiry!.getFirstPropertyValue("description")).toBe("行一\n行二");
    expect(reminder!.getFirstPropertyValue("summary")).toBe("提醒".repeat(40));
    expect(reminder!.getFirstSubcomponent("valarm")!.getFirstPropertyValue("action")).toBe("DISPLAY");
  });

  it("folds at 75 octets without splitting a character, and escapes TEXT", () => {
    const folded = foldLine(`SUMMARY:${"é".repeat(100)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(2);
    lines.forEach((l, i) => {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(" ")).toBe(true);
    });
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(`SUMMARY:${"é".repeat(100)}`);
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });
});

describe("reminder dates and points", () => {
  it("takes the day in Taipei: 16:00 UTC is already the next day", () => {
    expect(taipeiDay(new Date("2027-03-01T15:59:59Z"))).toBe("2027-03-01");
    expect(taipeiDay(new Date("2027-03-01T16:00:00Z"))).toBe("2027-03-02");
    expect(addMonths("2027-07-31", -4)).toBe("2027-03-31");
    expect(addMonths("2027-06-30", -4)).toBe("2027-02-28");
    expect(["2027-02-29", "2028-02-29", "27-1-1"].map(isIsoDay)).toEqual([false, true, false]);
  });

  it("plans the Gold Card extension window 4 months before expiry where the rule was in force, plus own points", () => {
    const gold = planReminders(
      { kind: "gold-card", expiresOn: "2027-07-31", remindDaysBefore: 14, remindOn: "2027-07-17" },
      [goldCardWindow]
    );
    expect(gold).toEqual([
      {
        key: "source:gold-card-extension-window:2027-03-31",
        sourcePoint: "gold-card-extension-window",
        dueOn: "2027-03-31",
      },
      { key: "own:2027-07-17", sourcePoint: null, dueOn: "2027-07-17" },
    ]);
    expect(
      planReminders({ kind: "gold-card", expiresOn: "2021-12-01", remindDaysBefore: null, remindOn: null }, [
        goldCardWindow,
      ])
    ).toEqual([]);
    expect(
      planReminders({ kind: "passport", expiresOn: "2027-07-31", remindDaysBefore: 7, remindOn: null }, [
        goldCardWindow,
      ])
    ).toEqual([{ key: "own:2027-07-24", sourcePoint: null, dueOn: "2027-07-24" }]);
  });
});
