import { formatCsv } from "@ward/csv-jp";
import { z } from "zod";
import { parseWith, type SafeParseResult, safeParseWith } from "../internal/parse.js";

/** An instant with its offset, e.g. `2026-04-01T09:30:00+09:00`. */
export const instantSchema = z.iso.datetime({ offset: true });
/** An ISO calendar date. */
export const isoDateSchema = z.iso.date();

/** A column of a register's CSV export. */
export interface RegisterColumn<T> {
  /** The header, in Japanese. */
  readonly header: string;
  readonly value: (entry: T) => string;
}

/** A register: its schema (validation), the provisions it serves and its CSV columns. */
export interface RegisterDefinition<T> {
  readonly id: string;
  /** The register's name, in Japanese. */
  readonly name: string;
  readonly provisions: readonly string[];
  readonly schema: z.ZodType<T>;
  readonly columns: readonly RegisterColumn<T>[];
}

/**
 * Validates a list of register entries; errors name the entry index and field.
 *
 * @param register - the register definition
 * @param input - unknown input (an array of entries)
 * @returns the validated entries
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * parseRegister(staffRoster, [{ name: "練馬 太郎", affiliation: "総務課", role: "従事者",
 *   startDate: "2026-04-01", plannedEndDate: "2027-03-31" }]).length; // => 1
 */
export function parseRegister<T>(register: RegisterDefinition<T>, input: unknown): T[] {
  return parseWith(z.array(register.schema), input, register.name);
}

/**
 * Validates register entries without throwing.
 *
 * @param register - the register definition
 * @param input - unknown input
 * @returns `{ success, data | error }`
 * @example
 * safeParseRegister(staffRoster, [{}]).success; // => false
 */
export function safeParseRegister<T>(register: RegisterDefinition<T>, input: unknown): SafeParseResult<T[]> {
  return safeParseWith(z.array(register.schema), input, register.name);
}

/**
 * Exports register entries as CSV (validated first, written by `@ward/csv-jp`'s `formatCsv`): Japanese
 * header row, RFC 4180 quoting, CRLF, cells beginning with = + - @ (or a tab or CR) prefixed with `'`.
 * A string; the caller adds a BOM or re-encodes (`encodeCsv`).
 *
 * @param register - the register definition
 * @param entries - the entries (validated)
 * @returns the CSV text
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * registerToCsv(staffRoster, []); // => "氏名,所属,役割,従事開始日,終了予定日,責任・役割,事務執行場所,記録媒体の授受\r\n"
 */
export function registerToCsv<T>(register: RegisterDefinition<T>, entries: readonly unknown[]): string {
  const valid = parseRegister(register, entries);
  return formatCsv(
    valid.map((entry) => register.columns.map((c) => c.value(entry))),
    { header: register.columns.map((c) => c.header) },
  );
}

/** Milliseconds of an instant validated by {@link instantSchema}. */
export const ms = (instant: string): number => Date.parse(instant);
