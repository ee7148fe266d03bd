import { type Calendar, countOpenDays, fiscalYearRange, type IsoDate } from "@ward/calendar-jp";
import { contractCalendar } from "./contract-calendar.js";
import { resolvePeriod } from "./contract-period.js";
import type { Contract } from "./contract-schema.js";
import { ContractModelError } from "./errors.js";
import { allocate } from "./internal/allocate.js";
import { addDays, isoOf, lastDayOfMonth, maxIso, minIso } from "./internal/dates.js";
import type { Volume } from "./work-item.js";

// Open days d with from <= d <= to (calendar-jp's countOpenDays excludes `from`).
function openDaysIn(calendar: Calendar, from: IsoDate, to: IsoDate): number {
  return countOpenDays(calendar, addDays(from, -1), to);
}

/** Options of {@link workload}. */
export interface WorkloadOptions {
  /** Anchor dates for a relative period start (`{ "contract-confirmed": "2026-05-20" }`). */
  readonly anchors?: Readonly<Record<string, IsoDate>>;
  /**
   * How a yearly volume meets a period shorter than a year: `"fiscal-year"` (default) reads `件/年` as a rate over
   * the fiscal year's open days, so a July–March contract gets its share; `"period"` puts the whole volume
   * into the period.
   */
  readonly basis?: "fiscal-year" | "period";
}

/** The workload of one stated volume. */
export interface WorkloadLine {
  readonly itemId: string;
  readonly title: string;
  readonly volume: Volume;
  /** Average per open day (not rounded). */
  readonly perOpenDay: number;
  /** Expected over the contract period (whole units). */
  readonly total: number;
  /** Per calendar month of the period: its open days and amount; amounts sum to `total`. */
  readonly months: readonly { readonly month: string; readonly openDays: number; readonly amount: number }[];
}

/** Result of {@link workload}. */
export interface Workload {
  readonly contractId: string;
  readonly period: { readonly start: IsoDate; readonly end: IsoDate };
  readonly openDays: { readonly period: number; readonly fiscalYear: number };
  readonly lines: readonly WorkloadLine[];
}

/**
 * Spreads the stated volumes of a contract's work items over the open days of its period: per open day, per
 * month (open days × rate, split without losing a unit) and in total. Yearly volumes are rates over the fiscal
 * year's open days by default (see {@link WorkloadOptions.basis}); monthly volumes are pro-rated in partial
 * months; daily volumes are multiplied by open days.
 *
 * @param contract - a built contract
 * @param options - `anchors`, `basis`
 * @returns the workload
 * @throws {ContractModelError} `INVALID_OPTIONS` when the period start needs an anchor not given
 * @example
 * const w = workload(nerimaTreasury2025);
 * w.lines[0]; // => { itemId: "receipt-tally", perOpenDay: 510.2…, total: 93,367…, months: [{ month: "2025-07", openDays: 22, … }, …] }
 */
export function workload(contract: Contract, options: WorkloadOptions = {}): Workload {
  const period = resolvePeriod(contract, options.anchors ?? {});
  if (period.start === undefined || period.end === undefined) {
    throw new ContractModelError(
      "INVALID_OPTIONS",
      `the period of "${contract.id}" needs anchor dates: ${period.missing.join(", ")} / 履行期間の起点日（${period.missing.join("・")}）を指定してください`,
    );
  }
  const { start, end } = period;
  const calendar = contractCalendar(contract);
  const fy = fiscalYearRange(contract.fiscalYear);
  const fyOpen = openDaysIn(calendar, fy.start, fy.end);
  const periodOpen = openDaysIn(calendar, start, end);
  const months: { month: string; openDays: number; fullOpenDays: number }[] = [];
  const lastMonth = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  for (
    let index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
    index <= lastMonth;
    index++
  ) {
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const first = isoOf(y, m, 1);
    const last = lastDayOfMonth(y, m);
    months.push({
      month: first.slice(0, 7),
      openDays: openDaysIn(calendar, maxIso(first, start), minIso(last, end)),
      fullOpenDays: openDaysIn(calendar, first, last),
    });
  }
  const basis = options.basis ?? "fiscal-year";
  const lines = contract.workItems.flatMap((item) =>
    item.volumes.map((volume): WorkloadLine => {
      let amounts: number[];
      let perOpenDay: number;
      if (volume.per === "year") {
        const total = basis === "period" ? volume.amount : Math.round((volume.amount * periodOpen) / fyOpen);
        amounts = allocate(
          total,
          months.map((m) => m.openDays),
        );
        perOpenDay = basis === "period" ? volume.amount / periodOpen : volume.amount / fyOpen;
      } else if (volume.per === "month") {
        amounts = months.map((m) =>
          m.fullOpenDays === 0 ? 0 : Math.round((volume.amount * m.openDays) / m.fullOpenDays),
        );
        perOpenDay = amounts.reduce((a, b) => a + b, 0) / periodOpen;
      } else {
        amounts = months.map((m) => volume.amount * m.openDays);
        perOpenDay = volume.amount;
      }
      return {
        itemId: item.id,
        title: item.title,
        volume,
        perOpenDay,
        total: amounts.reduce((a, b) => a + b, 0),
        months: months.map((m, i) => ({ month: m.month, openDays: m.openDays, amount: amounts[i] ?? 0 })),
      };
    }),
  );
  return {
    contractId: contract.id,
    period: { start, end },
    openDays: { period: periodOpen, fiscalYear: fyOpen },
    lines,
  };
}
