import { daysFromCivil, isoWeekday } from "./civil.js";
import { autumnalEquinoxDay, vernalEquinoxDay } from "./equinox.js";

export type HolidayKind = "national" | "substitute" | "citizens" | "special";

export interface HolidayDef {
  name: string;
  nameEn: string;
  kind: HolidayKind;
}

export const LAW_START = daysFromCivil(1948, 7, 20);
const SUBSTITUTE_START = daysFromCivil(1973, 4, 12);
const CITIZENS_START = daysFromCivil(1985, 12, 27);
const LAW_2007 = daysFromCivil(2007, 1, 1);

function nthMonday(year: number, month: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  const offset = (8 - isoWeekday(first)) % 7;
  return first + offset + (n - 1) * 7;
}

function def(name: string, nameEn: string): HolidayDef {
  return { name, nameEn, kind: "national" };
}

const SPECIAL: ReadonlyArray<[number, number, number, string, string]> = [
  [1959, 4, 10, "皇太子明仁親王の結婚の儀", "Wedding Ceremony of Crown Prince Akihito"],
  [1989, 2, 24, "昭和天皇の大喪の礼", "Funeral Ceremony of Emperor Showa"],
  [1990, 11, 12, "即位礼正殿の儀", "Ceremony of the Enthronement"],
  [1993, 6, 9, "皇太子徳仁親王の結婚の儀", "Wedding Ceremony of Crown Prince Naruhito"],
  [2019, 5, 1, "天皇の即位の日", "Day of the Emperor's Accession"],
  [2019, 10, 22, "即位礼正殿の儀の行われる日", "Day of the Enthronement Ceremony"],
];

/** The 祝日 of a year under the law as amended (plus the one-off days), before 振替休日 and 国民の休日. */
export function lawHolidaysOf(year: number, out: Map<number, HolidayDef>): void {
  const add = (day: number, holiday: HolidayDef): void => {
    if (day >= LAW_START) out.set(day, holiday);
  };
  const on = (month: number, day: number): number => daysFromCivil(year, month, day);

  add(on(1, 1), def("元日", "New Year's Day"));
  add(year < 2000 ? on(1, 15) : nthMonday(year, 1, 2), def("成人の日", "Coming of Age Day"));
  if (year >= 1967) add(on(2, 11), def("建国記念の日", "National Foundation Day"));
  if (year >= 2020) add(on(2, 23), def("天皇誕生日", "Emperor's Birthday"));
  add(on(3, vernalEquinoxDay(year)), def("春分の日", "Vernal Equinox Day"));
  if (year <= 1988) add(on(4, 29), def("天皇誕生日", "Emperor's Birthday"));
  else if (year <= 2006) add(on(4, 29), def("みどりの日", "Greenery Day"));
  else add(on(4, 29), def("昭和の日", "Showa Day"));
  add(on(5, 3), def("憲法記念日", "Constitution Memorial Day"));
  if (year >= 2007) add(on(5, 4), def("みどりの日", "Greenery Day"));
  add(on(5, 5), def("こどもの日", "Children's Day"));

  const marine = def("海の日", "Marine Day");
  if (year === 2020) add(on(7, 23), marine);
  else if (year === 2021) add(on(7, 22), marine);
  else if (year >= 2003) add(nthMonday(year, 7, 3), marine);
  else if (year >= 1996) add(on(7, 20), marine);

  const mountain = def("山の日", "Mountain Day");
  if (year === 2020) add(on(8, 10), mountain);
  else if (year === 2021) add(on(8, 8), mountain);
  else if (year >= 2016) add(on(8, 11), mountain);

  const aged = def("敬老の日", "Respect for the Aged Day");
  if (year >= 2003) add(nthMonday(year, 9, 3), aged);
  else if (year >= 1966) add(on(9, 15), aged);
  add(on(9, autumnalEquinoxDay(year)), def("秋分の日", "Autumnal Equinox Day"));

  const sports = def("スポーツの日", "Sports Day");
  const health = def("体育の日", "Health and Sports Day");
  if (year === 2020) add(on(7, 24), sports);
  else if (year === 2021) add(on(7, 23), sports);
  else if (year >= 2022) add(nthMonday(year, 10, 2), sports);
  else if (year >= 2000) add(nthMonday(year, 10, 2), health);
  else if (year >= 1966) add(on(10, 10), health);

  add(on(11, 3), def("文化の日", "Culture Day"));
  add(on(11, 23), def("勤労感謝の日", "Labor Thanksgiving Day"));
  if (year >= 1989 && year <= 2018) add(on(12, 23), def("天皇誕生日", "Emperor's Birthday"));

  for (const [y, m, d, name, nameEn] of SPECIAL) {
    if (y === year) add(on(m, d), { name, nameEn, kind: "special" });
  }
}

const SUBSTITUTE: HolidayDef = { name: "振替休日", nameEn: "Substitute Holiday", kind: "substitute" };
const CITIZENS: HolidayDef = { name: "国民の休日", nameEn: "Citizens' Holiday", kind: "citizens" };

function isShukujitsu(holiday: HolidayDef | undefined): boolean {
  return holiday !== undefined && (holiday.kind === "national" || holiday.kind === "special");
}

/** Adds 振替休日 (§3②) and 国民の休日 (§3③) derived from the 祝日 in `days` (kinds national/special). */
export function deriveRestDays(days: Map<number, HolidayDef>): void {
  const shukujitsu = [...days.keys()].filter((day) => isShukujitsu(days.get(day))).sort((a, b) => a - b);
  for (const day of shukujitsu) {
    if (day < SUBSTITUTE_START || isoWeekday(day) !== 7) continue;
    let next = day + 1;
    if (day < LAW_2007) {
      // 1973 form: only the next day, and nothing when that day is itself a 祝日.
      if (!days.has(next)) days.set(next, SUBSTITUTE);
      continue;
    }
    while (isShukujitsu(days.get(next))) next += 1;
    if (!days.has(next)) days.set(next, SUBSTITUTE);
  }
  for (const day of shukujitsu) {
    const between = day + 1;
    if (between < CITIZENS_START || days.has(between)) continue;
    if (!isShukujitsu(days.get(between + 1))) continue;
    // Before 2007 a Sunday (or a 振替休日, excluded by the has() above) was not a 国民の休日.
    if (between < LAW_2007 && isoWeekday(between) === 7) continue;
    days.set(between, CITIZENS);
  }
}
