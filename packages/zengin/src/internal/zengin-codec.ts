import { ZenginFileError } from "../errors.js";
import type { ZenginField } from "../zengin-layout.js";
import { isZenginChar } from "./kana.js";

/** Pads one field value to its width; throws naming the record and field when it cannot. */
export function encodeField(value: string, field: ZenginField, recordNumber: number): string {
  if (field.kind === "N") {
    if (!/^\d*$/.test(value)) {
      throw new ZenginFileError(
        "ZENGIN_INVALID_FIELD",
        `${field.key} must be digits, got ${JSON.stringify(value)}`,
        {
          recordNumber,
          field: field.name,
          messageJa: `数字以外が含まれています（${value}）`,
        },
      );
    }
    if (value.length > field.width) {
      throw new ZenginFileError("ZENGIN_INVALID_FIELD", `${field.key} is longer than ${field.width} digits`, {
        recordNumber,
        field: field.name,
        messageJa: `${field.width}桁を超えています（${value}）`,
      });
    }
    return value.padStart(field.width, "0");
  }
  assertZenginChars(value, field, recordNumber);
  // Every Zengin character is one Shift_JIS byte, so characters count as bytes here.
  if (value.length > field.width) {
    throw new ZenginFileError("ZENGIN_INVALID_FIELD", `${field.key} is longer than ${field.width} bytes`, {
      recordNumber,
      field: field.name,
      messageJa: `半角${field.width}文字を超えています（${value.length}文字）`,
    });
  }
  return value.padEnd(field.width, " ");
}

/** Reads one field's bytes: ASCII and JIS X 0201 half-width kana only. Text is returned with right padding removed. */
export function decodeField(
  bytes: Uint8Array,
  offset: number,
  field: ZenginField,
  recordNumber: number,
): string {
  let out = "";
  for (let i = offset; i < offset + field.width; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else if (byte >= 0xa1 && byte <= 0xdf) out += String.fromCharCode(0xff61 + byte - 0xa1);
    else {
      throw new ZenginFileError(
        "ZENGIN_ENCODING",
        `byte 0x${byte.toString(16).padStart(2, "0")} at position ${i - offset + 1} of ${field.key} is not a half-width character`,
        {
          recordNumber,
          field: field.name,
          messageJa: "全角文字または制御文字が含まれています（半角のみ使用できます）",
        },
      );
    }
  }
  if (field.kind === "N") {
    if (!/^\d+$/.test(out)) {
      throw new ZenginFileError(
        "ZENGIN_INVALID_FIELD",
        `${field.key} must be digits, got ${JSON.stringify(out)}`,
        {
          recordNumber,
          field: field.name,
          messageJa: `数字項目に数字以外が含まれています（${out}）`,
        },
      );
    }
    return out;
  }
  assertZenginChars(out, field, recordNumber);
  return out.trimEnd();
}

function assertZenginChars(text: string, field: ZenginField, recordNumber: number): void {
  for (const char of text) {
    if (!isZenginChar(char)) {
      throw new ZenginFileError(
        "ZENGIN_INVALID_FIELD",
        `${field.key} has a character Zengin forbids: ${JSON.stringify(char)}`,
        {
          recordNumber,
          field: field.name,
          messageJa: `全銀で使用できない文字「${char}」が含まれています`,
        },
      );
    }
  }
}
