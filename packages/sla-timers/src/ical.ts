import { fromEpochDay, isIsoDate, MS_PER_DAY, TOKYO_OFFSET_MS, toEpochDay } from "@ward/calendar-jp";
import type { Deadline } from "./deadline-rules.js";
import { SlaTimersError } from "./errors.js";
import { epochMsOf, type InstantLike } from "./internal/instant.js";

/** One calendar entry: all-day (`date`) or timed (`start`, optional `end`). */
export interface ICalendarEntry {
  /** Globally unique id; derived from the content when omitted. */
  readonly uid?: string;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly categories?: readonly string[];
  /** All-day entry on this ISO date (`DTSTART;VALUE=DATE`). */
  readonly date?: string;
  /** Timed entry start (DateTime, Date, ISO string with offset, or epoch ms). */
  readonly start?: InstantLike;
  readonly end?: InstantLike;
}

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** `PRODID`; default `-//ward//sla-timers//JA`. */
  readonly prodId?: string;
  /** Calendar name (`X-WR-CALNAME`). */
  readonly name?: string;
  /** `DTSTAMP` of every component; default the current time. Pass it for reproducible output. */
  readonly now?: InstantLike;
  /** Timed entries as `TZID=Asia/Tokyo` local times plus a VTIMEZONE (default), or as UTC `Z` times. */
  readonly timeZone?: "Asia/Tokyo" | "UTC";
  /** Right-hand side of derived UIDs; default `sla-timers.ward`. */
  readonly uidDomain?: string;
}

const CRLF = "\r\n";

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function basicDate(epochDay: number): string {
  try {
    return fromEpochDay(epochDay).replaceAll("-", "");
  } catch (cause) {
    throw new SlaTimersError("INVALID_INSTANT", `epoch day ${epochDay} is outside the years 1–9999`, {
      cause,
    });
  }
}

function basicDateTime(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  const rest = ms - day * MS_PER_DAY;
  const seconds = Math.floor(rest / 1000);
  return `${basicDate(day)}T${two(Math.floor(seconds / 3600))}${two(Math.floor(seconds / 60) % 60)}${two(seconds % 60)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Turns a deadline from {@link evaluateDeadlineRule} into a calendar entry (all-day, or timed at its `time`
 * in Asia/Tokyo); undated `immediately` duties give `undefined`.
 *
 * @param deadline - a deadline
 * @returns the entry, or `undefined` when the deadline has no date
 * @example
 * deadlineToICalendarEntry({ kind: "date", title: "完了報告", date: "2026-03-31", calendarId: "w", calendarVersion: "1" });
 * // => { summary: "完了報告", date: "2026-03-31", uid: "…", categories: ["date"] }
 */
export function deadlineToICalendarEntry(deadline: Deadline): ICalendarEntry | undefined {
  if (deadline.date === null) return undefined;
  const key = [
    deadline.ruleId ?? "",
    deadline.title ?? "",
    deadline.kind,
    deadline.date,
    deadline.time ?? "",
    deadline.sequence ?? "",
    deadline.anchor?.event ?? "",
    deadline.anchor?.date ?? "",
  ].join("|");
  const uid = `${deadline.ruleId ?? deadline.kind}-${deadline.date.replaceAll("-", "")}${
    deadline.sequence === undefined ? "" : `-${deadline.sequence}`
  }-${fnv1a(key)}`;
  const summary = deadline.title ?? deadline.kind;
  const description = deadline.anchor
    ? `${deadline.anchor.event ?? "anchor"}: ${deadline.anchor.date}`
    : deadline.period
      ? `${deadline.period.start}/${deadline.period.end}`
      : undefined;
  const base = {
    uid,
    summary,
    categories: [deadline.kind],
    ...(description === undefined ? {} : { description }),
  };
  if (deadline.time !== undefined) return { ...base, start: `${deadline.date}T${deadline.time}:00+09:00` };
  return { ...base, date: deadline.date };
}

/**
 * Serialises deadlines or entries as an RFC 5545 iCalendar stream: CRLF line endings, lines folded at
 * 75 octets (UTF-8 aware), TEXT escaping, `UID` and `DTSTAMP` on every VEVENT, all-day entries as
 * `DTSTART;VALUE=DATE`, timed ones with `TZID=Asia/Tokyo` and a VTIMEZONE (or UTC).
 *
 * @param items - deadlines (undated ones are skipped) and/or calendar entries
 * @param options - PRODID, calendar name, DTSTAMP, time zone style, UID domain
 * @returns the `.ics` text
 * @throws SlaTimersError `INVALID_INSTANT` for a bad date or instant
 * @example
 * toICalendar([{ summary: "消去証明書", date: "2026-04-30" }], { now: "2025-04-01T00:00:00Z" });
 * // => "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…DTSTART;VALUE=DATE:20260430\r\n…END:VCALENDAR\r\n"
 */
export function toICalendar(
  items: readonly (Deadline | ICalendarEntry)[],
  options: ICalendarOptions = {},
): string {
  const entries = items.flatMap((item) => {
    const entry =
      "kind" in item && "calendarId" in item ? deadlineToICalendarEntry(item) : (item as ICalendarEntry);
    return entry === undefined ? [] : [entry];
  });
  const utc = options.timeZone === "UTC";
  const domain = options.uidDomain ?? "sla-timers.ward";
  const stamp = `${basicDateTime(epochMsOf(options.now ?? Date.now(), "DTSTAMP"))}Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId ?? "-//ward//sla-timers//JA"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  const timed = entries.some((entry) => entry.date === undefined);
  if (timed && !utc) {
    lines.push(
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Tokyo",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0900",
      "TZOFFSETTO:+0900",
      "TZNAME:JST",
      "END:STANDARD",
      "END:VTIMEZONE",
    );
  }
  const dateTime = (instant: InstantLike, name: string): string => {
    const ms = epochMsOf(instant, name);
    return utc
      ? `${name}:${basicDateTime(ms)}Z`
      : `${name};TZID=Asia/Tokyo:${basicDateTime(ms + TOKYO_OFFSET_MS)}`;
  };
  entries.forEach((entry, index) => {
    lines.push("BEGIN:VEVENT");
    const uid = entry.uid ?? `${fnv1a(`${index}|${entry.summary}|${String(entry.date ?? entry.start)}`)}`;
    lines.push(`UID:${escapeText(uid.includes("@") ? uid : `${uid}@${domain}`)}`, `DTSTAMP:${stamp}`);
    if (entry.date !== undefined) {
      if (!isIsoDate(entry.date))
        throw new SlaTimersError("INVALID_INSTANT", `invalid all-day date "${entry.date}"`);
      const day = toEpochDay(entry.date);
      lines.push(`DTSTART;VALUE=DATE:${basicDate(day)}`, `DTEND;VALUE=DATE:${basicDate(day + 1)}`);
    } else if (entry.start !== undefined) {
      lines.push(dateTime(entry.start, "DTSTART"));
      if (entry.end !== undefined) lines.push(dateTime(entry.end, "DTEND"));
    } else {
      throw new SlaTimersError("INVALID_INSTANT", `entry "${entry.summary}" needs a date or a start`);
    }
    lines.push(`SUMMARY:${escapeText(entry.summary)}`);
    if (entry.description !== undefined) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.location !== undefined) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.categories !== undefined && entry.categories.length > 0) {
      lines.push(`CATEGORIES:${entry.categories.map(escapeText).join(",")}`);
    }
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join(CRLF)}${CRLF}`;
}
