export { fiscalYearOf, type IsoDate } from "./fiscal-year.js";
