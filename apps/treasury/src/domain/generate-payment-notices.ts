import { bankCalendar, type Calendar, fromEpochDay, isOpenDay, toEpochDay } from "@ward/calendar-jp";
import { z } from "zod";
import { mulberry32 } from "./internal/prng.js";
import type { PaymentNotice, ReceiptChannel } from "./payment-notice.js";

/** Options of {@link generatePaymentNotices}. */
export interface GeneratePaymentNoticesOptions {
  /** The 所属年度 of every notice. */
  readonly fiscalYear: number;
  /** How many notices (the ward receives about 125,000 a year). */
  readonly count: number;
  /** PRNG seed; the same seed gives the same notices. 1 by default. */
  readonly seed?: number;
  /** Share of 過年 notices (cash date in the next April–May); 0.04 by default. */
  readonly pastYearShare?: number;
  /** Cash dates fall on this calendar's open days; `bankCalendar()` by default. */
  readonly calendar?: Calendar;
}

const optionsSchema = z.object({
  fiscalYear: z.number().int().min(1949).max(2148),
  count: z.number().int().min(0).max(10_000_000),
  seed: z.number().int().optional(),
  pastYearShare: z.number().min(0).max(1).optional(),
});

// Receipts per month, April first: tax instalments (June, August, October, January) and month-ends peak.
const MONTH_WEIGHTS = [6, 8, 12, 9, 11, 7, 11, 7, 8, 11, 6, 4];

const ACCOUNTS: readonly { code: string; weight: number; subjects: readonly string[]; median: number }[] = [
  {
    code: "01",
    weight: 70,
    median: 25_000,
    subjects: [
      "01-01-01-01",
      "01-01-01-02",
      "01-02-01-01",
      "12-01-01-01",
      "12-02-01-01",
      "13-01-01-01",
      "13-01-02-01",
      "16-01-01-01",
      "19-01-01-01",
      "20-04-01-01",
    ],
  },
  {
    code: "02",
    weight: 15,
    median: 18_000,
    subjects: ["01-01-01-01", "01-01-01-02", "01-01-02-01", "07-01-01-01"],
  },
  { code: "03", weight: 10, median: 6_000, subjects: ["01-01-01-01", "01-01-01-02", "08-01-01-01"] },
  { code: "04", weight: 5, median: 7_000, subjects: ["01-01-01-01", "01-01-01-02"] },
];

const DEPARTMENTS = [
  "110100",
  "110200",
  "120100",
  "120300",
  "130100",
  "130200",
  "140100",
  "150100",
  "160200",
  "170100",
  "180100",
  "190300",
  "200100",
  "210100",
  "220100",
];

const CHANNELS: readonly { channel: ReceiptChannel; weight: number }[] = [
  { channel: "bank", weight: 70 },
  { channel: "japan-post", weight: 20 },
  { channel: "counter", weight: 10 },
];

function pick<T extends { weight: number }>(items: readonly T[], random: number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = random * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return items[items.length - 1] as T;
}

function openDaysByMonth(calendar: Calendar, year: number, firstMonth: number, months: number): string[][] {
  const out: string[][] = [];
  for (let m = 0; m < months; m++) {
    const month = ((firstMonth - 1 + m) % 12) + 1;
    const y = year + Math.floor((firstMonth - 1 + m) / 12);
    const start = toEpochDay({ year: y, month, day: 1 });
    const end = toEpochDay({ year: month === 12 ? y + 1 : y, month: month === 12 ? 1 : month + 1, day: 1 });
    const days: string[] = [];
    for (let d = start; d < end; d++) {
      const iso = fromEpochDay(d);
      if (isOpenDay(calendar, iso)) days.push(iso);
    }
    out.push(days);
  }
  return out;
}

/**
 * Generates realistic synthetic payment notices for a fiscal year (tests and the 125,000-notice
 * benchmark): cash dates on open days weighted to tax-instalment months and month-ends, 4% 過年
 * notices in the next April–May, four accounts (一般会計, 国保, 介護, 後期高齢) with their subjects,
 * 15 departments, log-normal amounts in whole yen (taxes in hundreds). Sorted by cash date; notice
 * numbers `<fiscal year><8-digit sequence>` are unique.
 *
 * @param options - `fiscalYear`, `count`, `seed`, `pastYearShare`, `calendar`
 * @returns the notices
 * @example
 * generatePaymentNotices({ fiscalYear: 2025, count: 2, seed: 7 }).length; // => 2
 */
export function generatePaymentNotices(options: GeneratePaymentNoticesOptions): PaymentNotice[] {
  const opts = optionsSchema.parse(options);
  const random = mulberry32(opts.seed ?? 1);
  const calendar = options.calendar ?? bankCalendar();
  const pastShare = opts.pastYearShare ?? 0.04;
  const year = opts.fiscalYear;
  const current = openDaysByMonth(calendar, year, 4, 12);
  const closing = openDaysByMonth(calendar, year + 1, 4, 2);
  const monthItems = MONTH_WEIGHTS.map((weight, index) => ({ weight, index }));

  const drafts: Omit<PaymentNotice, "noticeNumber">[] = [];
  for (let i = 0; i < opts.count; i++) {
    const past = random() < pastShare;
    const days = past
      ? (closing[random() < 0.7 ? 0 : 1] as string[])
      : (current[pick(monthItems, random()).index] as string[]);
    // Two in five receipts land in the last five open days of the month (due dates).
    const dayIndex =
      random() < 0.4
        ? days.length - 1 - Math.floor(random() * Math.min(5, days.length))
        : Math.floor(random() * days.length);
    const account = pick(ACCOUNTS, random());
    const subjectCode = account.subjects[Math.floor(random() * account.subjects.length)] as string;
    // Log-normal amount (Box–Muller), taxes rounded to 100 yen, at least 100 yen.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const raw = Math.exp(Math.log(account.median) + 1.1 * normal);
    const amount = subjectCode.startsWith("01-")
      ? Math.max(100, Math.round(raw / 100) * 100)
      : Math.max(100, Math.round(raw));
    drafts.push({
      cashDate: days[dayIndex] as string,
      fiscalYear: year,
      yearKind: past ? "past" : "current",
      channel: pick(CHANNELS, random()).channel,
      accountCode: account.code,
      subjectCode,
      departmentCode: DEPARTMENTS[Math.floor(random() * DEPARTMENTS.length)] as string,
      amount: Math.min(amount, 99_999_999),
    });
  }
  drafts.sort((a, b) => (a.cashDate < b.cashDate ? -1 : a.cashDate > b.cashDate ? 1 : 0));
  return drafts.map((draft, index) => ({
    noticeNumber: `${year}${String(index + 1).padStart(8, "0")}`,
    ...draft,
  }));
}
