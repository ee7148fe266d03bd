// ISO-8601 date-times read without luxon: luxon's fromISO costs about 15 µs a string, this well under 1 µs.
// The forms are luxon's own (time colons optional, `.` or `,` fractions, offsets Z, ±HH, ±HHmm, ±HH:mm),
// so a caller that falls back to luxon for anything else gets the same instant either way.
import { MS_PER_DAY, parseIsoDayPrefix } from "./civil.js";

/** Offset of the last {@link scanIsoDateTime} in milliseconds, or NaN when the text had none. */
export const scannedOffsetMs = new Float64Array(1);

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >>> 0 > 9 ? -1 : value;
}

function twoDigits(text: string, at: number): number {
  const tens = digit(text, at);
  const ones = digit(text, at + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * The wall-clock milliseconds (epoch day × day + time of day) of `YYYY-MM-DDTHH[:mm[:ss[.fff]]]` with an
 * optional offset, which lands in {@link scannedOffsetMs}. NaN for any other form or an invalid value.
 */
export function scanIsoDateTime(text: string): number {
  const epochDay = parseIsoDayPrefix(text);
  if (Number.isNaN(epochDay) || text.charCodeAt(10) !== 84 /* T */) return Number.NaN;
  const length = text.length;
  let at = 11;
  const hour = twoDigits(text, at);
  if (hour < 0) return Number.NaN;
  at += 2;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  if (at < length && text.charCodeAt(at) !== 90 && text.charCodeAt(at) !== 43 && text.charCodeAt(at) !== 45) {
    if (text.charCodeAt(at) === 58 /* : */) at++;
    minute = twoDigits(text, at);
    if (minute < 0) return Number.NaN;
    at += 2;
    const next = text.charCodeAt(at);
    if (at < length && next !== 90 && next !== 43 && next !== 45) {
      if (next === 58) at++;
      second = twoDigits(text, at);
      if (second < 0) return Number.NaN;
      at += 2;
      const mark = text.charCodeAt(at);
      if (mark === 46 /* . */ || mark === 44 /* , */) {
        const from = ++at;
        while (at < length && digit(text, at) >= 0) at++;
        if (at === from || at - from > 30) return Number.NaN;
        // luxon's rule: floor(0.fraction × 1000).
        millisecond = Math.floor(Number.parseFloat(`0.${text.slice(from, at)}`) * 1000);
      }
    }
  }
  if (minute > 59 || second > 59) return Number.NaN;
  if (hour > 23 && !(hour === 24 && minute === 0 && second === 0 && millisecond === 0)) return Number.NaN;

  let offset = Number.NaN;
  if (at < length) {
    const sign = text.charCodeAt(at);
    if (sign === 90 /* Z */ && at + 1 === length) offset = 0;
    else if (sign === 43 /* + */ || sign === 45 /* - */) {
      const offsetHours = twoDigits(text, at + 1);
      let offsetMinutes = 0;
      let end = at + 3;
      if (end < length) {
        if (text.charCodeAt(end) === 58) end++;
        offsetMinutes = twoDigits(text, end);
        end += 2;
      }
      if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59 || end !== length) {
        return Number.NaN;
      }
      offset = (sign === 45 ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
    } else return Number.NaN;
  }
  scannedOffsetMs[0] = offset;
  return epochDay * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millisecond;
}
