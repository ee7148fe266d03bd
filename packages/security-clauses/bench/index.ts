import { Bench } from "tinybench";
import {
  checkCryptrec,
  evidenceChecklist,
  meguroCatalogue,
  nerimaCatalogue,
  provisionsByTag,
  registerToCsv,
  staffRoster,
} from "../src/index.js";

const rows = Array.from({ length: 1000 }, (_, i) => ({
  name: `従事者${i}`,
  affiliation: "=A社",
  role: "従事者",
  startDate: "2026-04-01",
  plannedEndDate: "2027-03-31",
}));

const bench = new Bench({ time: 500 });
bench
  .add("checkCryptrec TLS 1.2 suite", () => {
    checkCryptrec("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "2013");
  })
  .add("checkCryptrec aes-256-gcm", () => {
    checkCryptrec("aes-256-gcm", "2013");
  })
  .add("provisionsByTag (Nerima, incident)", () => {
    provisionsByTag(nerimaCatalogue, "incident");
  })
  .add("evidenceChecklist (both catalogues)", () => {
    evidenceChecklist([nerimaCatalogue, meguroCatalogue]);
  })
  .add("registerToCsv 1,000 roster rows", () => {
    registerToCsv(staffRoster, rows);
  });
await bench.run();
console.table(bench.table());
