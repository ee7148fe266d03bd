import { ZenginFileError } from "../errors.js";
import { END_FIELDS, type ZenginField } from "../zengin-layout.js";
import { decodeRecord, expectField, splitRecords, validMonthDay } from "./records.js";

/** What differs between the Zengin file kinds that share the 1-2…-8-9 frame. */
export interface FrameSpec {
  readonly headerFields: readonly ZenginField[];
  readonly trailerFields: readonly ZenginField[];
  /** 種別コード, e.g. "21". */
  readonly kindCode: string;
  /** Its Japanese name, e.g. 総合振込. */
  readonly kindName: string;
  /** The header key holding the MMDD date, and its field name. */
  readonly dateKey: string;
  readonly dateName: string;
  readonly year: number | undefined;
}

/** A file split into its header, data records and trailer, with the frame already checked. */
export interface FileFrame {
  readonly header: Readonly<Record<string, string>>;
  readonly monthDay: string;
  /** The ISO date when a year was given. */
  readonly isoDate: string | undefined;
  readonly data: readonly { readonly bytes: Uint8Array; readonly recordNumber: number }[];
  readonly trailer: Readonly<Record<string, string>>;
  readonly trailerNumber: number;
  readonly lineEnding: "crlf" | "none";
}

function orderError(recordNumber: number, en: string, ja: string): ZenginFileError {
  return new ZenginFileError("ZENGIN_RECORD_ORDER", en, { recordNumber, field: "データ区分", messageJa: ja });
}

function truncatedError(recordNumber: number, en: string, ja: string): ZenginFileError {
  return new ZenginFileError("ZENGIN_TRUNCATED", en, { recordNumber, field: "データ区分", messageJa: ja });
}

/**
 * Reads the frame every Zengin file kind shares — one header (1), data records (2), a trailer (8)
 * and an end record (9) — and checks the header's 種別コード, コード区分, MMDD date and 預金種目.
 */
export function readFrame(bytes: Uint8Array, spec: FrameSpec): FileFrame {
  const { records: raw, lineEnding } = splitRecords(bytes);
  if (raw.length === 0) {
    throw new ZenginFileError("ZENGIN_TRUNCATED", "the file is empty", { messageJa: "ファイルが空です" });
  }
  const kindOf = (index: number): string => String.fromCharCode(raw[index]?.[0] ?? 0x20);
  if (kindOf(0) !== "1") {
    throw orderError(
      1,
      "the first record is not a header (1)",
      "先頭がヘッダーレコード（データ区分1）ではありません",
    );
  }
  const header = decodeRecord(raw[0] as Uint8Array, spec.headerFields, 1);
  expectField(
    header.kindCode === spec.kindCode,
    1,
    "種別コード",
    `kind code ${header.kindCode} is not ${spec.kindCode}`,
    `種別コードが${spec.kindCode}（${spec.kindName}）ではありません（${header.kindCode}）`,
  );
  expectField(
    header.codeType === "0",
    1,
    "コード区分",
    `code type ${header.codeType} is not 0`,
    `コード区分が0（JIS）ではありません（${header.codeType}）`,
  );
  const monthDay = header[spec.dateKey] as string;
  expectField(
    validMonthDay(monthDay, spec.year ?? 2024),
    1,
    spec.dateName,
    `${spec.dateKey} ${monthDay} is not a valid MMDD`,
    `${spec.dateName}が月日（MMDD）として正しくありません（${monthDay}）`,
  );
  const accountTypeName = spec.headerFields.find((field) => field.key === "accountType")?.name ?? "預金種目";
  expectField(
    ["1", "2", "9"].includes(header.accountType as string),
    1,
    accountTypeName,
    `account type ${header.accountType} is not 1, 2 or 9`,
    `預金種目は1・2・9のいずれかです（${header.accountType}）`,
  );

  const data: { bytes: Uint8Array; recordNumber: number }[] = [];
  let index = 1;
  for (; index < raw.length && kindOf(index) === "2"; index++) {
    data.push({ bytes: raw[index] as Uint8Array, recordNumber: index + 1 });
  }
  const trailerNumber = index + 1;
  if (index >= raw.length) {
    throw truncatedError(
      trailerNumber,
      "the file ends before the trailer record (8)",
      "トレーラレコード（データ区分8）がありません。ファイルが途中で切れています",
    );
  }
  if (kindOf(index) !== "8") {
    throw orderError(
      trailerNumber,
      `record ${trailerNumber} is of kind ${kindOf(index)}, expected 2 or 8`,
      `データレコード（2）またはトレーラレコード（8）が必要な位置にデータ区分「${kindOf(index)}」があります`,
    );
  }
  const trailer = decodeRecord(raw[index] as Uint8Array, spec.trailerFields, trailerNumber);
  index++;
  if (index >= raw.length) {
    throw truncatedError(
      index + 1,
      "the file ends before the end record (9)",
      "エンドレコード（データ区分9）がありません。ファイルが途中で切れています",
    );
  }
  if (kindOf(index) !== "9") {
    throw orderError(
      index + 1,
      `record ${index + 1} is of kind ${kindOf(index)}, expected 9`,
      `エンドレコード（データ区分9）が必要な位置にデータ区分「${kindOf(index)}」があります（複数の依頼を含むファイルには対応していません）`,
    );
  }
  decodeRecord(raw[index] as Uint8Array, END_FIELDS, index + 1);
  if (index + 1 < raw.length) {
    throw orderError(index + 2, "records after the end record", "エンドレコードの後にレコードがあります");
  }
  const isoDate =
    spec.year === undefined
      ? undefined
      : `${String(spec.year).padStart(4, "0")}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`;
  return { header, monthDay, isoDate, data, trailer, trailerNumber, lineEnding };
}

/** Throws `ZENGIN_TRAILER_MISMATCH` when a trailer total disagrees with what the records give. */
export function expectTotal(
  trailerNumber: number,
  field: string,
  written: number,
  actual: number,
  unit: "件" | "円",
): void {
  if (written === actual) return;
  throw new ZenginFileError(
    "ZENGIN_TRAILER_MISMATCH",
    `trailer ${field} ${written} but the records give ${actual}`,
    {
      recordNumber: trailerNumber,
      field,
      messageJa: `${field}${written.toLocaleString("ja-JP")}${unit}がデータレコードから求めた${actual.toLocaleString("ja-JP")}${unit}と一致しません`,
      details: { trailer: written, actual },
    },
  );
}

/** Header and data records name their bank and branch; blanks read as absent. */
export function bankNames(values: Readonly<Record<string, string>>): {
  bankName?: string;
  branchName?: string;
} {
  return {
    ...(values.bankName === undefined || values.bankName === "" ? {} : { bankName: values.bankName }),
    ...(values.branchName === undefined || values.branchName === "" ? {} : { branchName: values.branchName }),
  };
}
