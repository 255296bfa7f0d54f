import { addDays } from "./reminder-dates";

/** A small RFC 5545 writer: all-day events, text escaping, CRLF line ends and folding at 75 octets. */

export interface CalendarEvent {
  uid: string;
  /** YYYY-MM-DD: an all-day event on that day. */
  day: string;
  summary: string;
  description?: string;
  url?: string;
  /** Adds a display alarm at 09:00 on the day. */
  alarm?: boolean;
}

const encoder = new TextEncoder();

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line into chunks of at most 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compact = (day: string) => day.replaceAll("-", "");

function eventLines(e: CalendarEvent, stamp: string, lang: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(e.day)}`,
    `DTEND;VALUE=DATE:${compact(addDays(e.day, 1))}`,
    `SUMMARY;LANGUAGE=${lang}:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION;LANGUAGE=${lang}:${escapeText(e.description)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    "TRANSP:TRANSPARENT",
    ...(e.alarm
      ? ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(e.summary)}`, "TRIGGER:PT9H", "END:VALARM"]
      : []),
    "END:VEVENT",
  ];
}

/** A VCALENDAR with the events; `now` gives DTSTAMP (UTC). */
export function buildCalendar(events: CalendarEvent[], options: { now: Date; name: string; lang: string }): string {
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Talent Taiwan//Expiry reminders//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...events.flatMap((e) => eventLines(e, stamp, options.lang)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
