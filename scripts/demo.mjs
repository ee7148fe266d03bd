// `npm start` runs this until the apps land: a short tour of the packages on today's date.
import { fiscalYearOf } from "@ward/calendar-jp";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
console.log(`今日 (Asia/Tokyo): ${today}`);
console.log(`年度: ${fiscalYearOf(today)}年度`);
