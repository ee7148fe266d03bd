import { ZenginFileError } from "../errors.js";
import { ZENGIN_RECORD_LENGTH, type ZenginField } from "../zengin-layout.js";
import { decodeField, encodeField } from "./zengin-codec.js";

/** Decodes one record's fields by layout. */
export function decodeRecord(
  bytes: Uint8Array,
  layout: readonly ZenginField[],
  recordNumber: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  for (const field of layout) {
    out[field.key] = decodeField(bytes, offset, field, recordNumber);
    offset += field.width;
  }
  return out;
}

/** Encodes one record by layout (missing values are blank/zero). */
export function encodeRecord(
  layout: readonly ZenginField[],
  values: Readonly<Record<string, string>>,
  recordNumber: number,
): string {
  let out = "";
  for (const field of layout) out += encodeField(values[field.key] ?? "", field, recordNumber);
  return out;
}

/** Splits a file into 120-byte records, back to back or CR+LF separated. */
export function splitRecords(bytes: Uint8Array): { records: Uint8Array[]; lineEnding: "crlf" | "none" } {
  let end = bytes.length;
  // A DOS end-of-file mark after the last record is tolerated.
  if (end > 0 && bytes[end - 1] === 0x1a) end -= 1;
  const crlf = end > ZENGIN_RECORD_LENGTH && bytes[ZENGIN_RECORD_LENGTH] === 0x0d;
  const records: Uint8Array[] = [];
  if (!crlf) {
    if (end > ZENGIN_RECORD_LENGTH && bytes[ZENGIN_RECORD_LENGTH] === 0x0a) {
      throw new ZenginFileError(
        "ZENGIN_RECORD_LENGTH",
        "records are separated by LF; Zengin allows CR+LF or nothing",
        {
          recordNumber: 1,
          messageJa: "改行コードがLFです（CR+LFまたは改行なしのみ使用できます）",
        },
      );
    }
    for (let start = 0; start < end; start += ZENGIN_RECORD_LENGTH) {
      const record = bytes.subarray(start, Math.min(start + ZENGIN_RECORD_LENGTH, end));
      if (record.length < ZENGIN_RECORD_LENGTH) {
        throw new ZenginFileError(
          "ZENGIN_TRUNCATED",
          `the file ends inside a record (${record.length} of 120 bytes)`,
          {
            recordNumber: records.length + 1,
            messageJa: `ファイルがレコードの途中で終わっています（${record.length}/120バイト）`,
            details: { bytes: record.length },
          },
        );
      }
      records.push(record);
    }
    return { records, lineEnding: "none" };
  }
  let start = 0;
  while (start < end) {
    let stop = start;
    while (stop < end && bytes[stop] !== 0x0d && bytes[stop] !== 0x0a) stop++;
    const record = bytes.subarray(start, stop);
    const terminated = stop + 1 < end && bytes[stop] === 0x0d && bytes[stop + 1] === 0x0a;
    if (record.length !== ZENGIN_RECORD_LENGTH) {
      const truncated = !terminated && stop >= end;
      throw new ZenginFileError(
        truncated ? "ZENGIN_TRUNCATED" : "ZENGIN_RECORD_LENGTH",
        `record is ${record.length} bytes, not 120`,
        {
          recordNumber: records.length + 1,
          messageJa: truncated
            ? `ファイルがレコードの途中で終わっています（${record.length}/120バイト）`
            : `レコード長が${record.length}バイトです（120バイトでなければなりません）`,
          details: { bytes: record.length },
        },
      );
    }
    if (stop < end && !terminated) {
      throw new ZenginFileError("ZENGIN_RECORD_LENGTH", "a record ends with CR or LF alone", {
        recordNumber: records.length + 1,
        messageJa: "改行コードがCR+LFではありません",
      });
    }
    records.push(record);
    start = stop + 2;
  }
  return { records, lineEnding: "crlf" };
}

/** Blank text fields read as absent. */
export const optional = (value: string | undefined): string | undefined =>
  value === undefined || value === "" ? undefined : value;

/** Throws `ZENGIN_INVALID_FIELD` naming the record and field unless the condition holds. */
export function expectField(
  condition: boolean,
  recordNumber: number,
  field: string,
  en: string,
  ja: string,
): void {
  if (!condition)
    throw new ZenginFileError("ZENGIN_INVALID_FIELD", en, { recordNumber, field, messageJa: ja });
}

/** True when MMDD is a real day of the given year. */
export function validMonthDay(mmdd: string, year: number): boolean {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
