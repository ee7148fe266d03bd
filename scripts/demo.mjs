// `npm start` prints this before starting the apps: a short tour of the packages on today's date.
import {
  closingPeriodRange,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  formatWareki,
  holidaysBetween,
  isOpenDay,
  nextOpenDay,
  toIsoDate,
  wardCalendar,
} from "@ward/calendar-jp";
import { getSeedContract, monthRange, obligations } from "@ward/contract-model";
import { formatAmount, formatDaiji, parseAmount } from "@ward/ledger";

let today;
try {
  today = toIsoDate(process.argv[2] ?? new Date());
} catch (error) {
  console.error(`日付を読めません（YYYY-MM-DD で指定してください）: ${error.message}`);
  process.exit(2);
}
const ward = wardCalendar();
const fy = fiscalYearOf(today);
const fyRange = fiscalYearRange(fy);
const weekday = (iso) => "日月火水木金土"[new Date(`${iso}T00:00:00Z`).getUTCDay()];
const day = (iso) => `${iso}(${weekday(iso)})`;

console.log(`@ward — ${formatWareki(today)} ${day(today)} Asia/Tokyo`);
console.log(
  `  ${formatFiscalYear(fy)}: ${fyRange.start} 〜 ${fyRange.end} / 今日は${isOpenDay(ward, today) ? "開庁日" : "閉庁日"}、翌開庁日は ${day(nextOpenDay(ward, today))}`,
);
const closing = closingPeriodRange(fy - 1);
if (today >= closing.start && today <= closing.end) {
  console.log(`  出納整理期間中（${formatFiscalYear(fy - 1)}）: 〜 ${closing.end}`);
}

console.log(`\n${formatFiscalYear(fy)}の祝日・休日（このあと）`);
for (const holiday of holidaysBetween(today, fyRange.end)) {
  console.log(`  ${day(holiday.date)} ${holiday.name}${holiday.provisional ? "（予定）" : ""}`);
}

const month = today.slice(0, 7);
const contract = getSeedContract("meguro-nursery-2026");
console.log(`\n${contract.title} — ${month} の期限（作業日報を除く）`);
const dues = obligations(contract, { range: monthRange(month), includeUndated: false }).filter(
  (o) => o.category !== "daily-report" && o.date !== null && o.date >= `${month}-01`,
);
for (const o of dues.slice(0, 12)) {
  const moved =
    o.nominalDate && o.nominalDate !== o.date ? `（本来 ${o.nominalDate}、閉庁日のため繰延べ）` : "";
  console.log(`  ${day(o.date)} ${o.title}${moved}`);
}
if (dues.length === 0) console.log("  （この月の期限はありません）");

const amount = parseAmount("１２，３４０円");
console.log(`\n金額: 「１２，３４０円」 → ${formatAmount(amount)} / ${formatDaiji(amount)}`);
