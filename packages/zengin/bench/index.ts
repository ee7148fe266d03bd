// Zengin files at the size of a large payment run: writing and parsing 総合振込 (種別21) and
// 預金口座振替 (種別91) files of 100,000 records. No other npm package writes or parses these files,
// so the floor printed beside them is iconv-lite's Shift_JIS encode/decode of the same bytes alone.

import iconv from "iconv-lite";
import { Bench } from "tinybench";
import {
  type AccountTransferRecord,
  parseAccountTransferFile,
  parseZenginTransferFile,
  writeAccountTransferFile,
  writeZenginTransferFile,
  type ZenginTransferRecord,
} from "../src/index.js";

const COUNT = 100_000;
const transfers: ZenginTransferRecord[] = Array.from({ length: COUNT }, (_, index) => ({
  bankCode: String(1 + (index % 9000)).padStart(4, "0"),
  branchCode: String(index % 1000).padStart(3, "0"),
  accountType: "1",
  accountNumber: String(index + 1).padStart(7, "0"),
  holderName: index % 2 === 0 ? "ｶ)ﾈﾘﾏｼﾖｳｼﾞ" : "ﾈﾘﾏ ﾀﾛｳ",
  amount: 1_000 + ((index * 7919) % 2_000_000),
  customerCode1: String(index + 1),
}));
const debits: AccountTransferRecord[] = transfers.map((t, index) => ({
  bankCode: t.bankCode,
  branchCode: t.branchCode,
  accountType: "1",
  accountNumber: t.accountNumber,
  holderName: t.holderName,
  amount: t.amount,
  customerNumber: String(index + 1),
  resultCode: index % 50 === 0 ? "1" : "0",
}));
const transferHeader = {
  requesterCode: "1234567890",
  requesterName: "ﾈﾘﾏｸ",
  transferDate: "2025-07-25",
  bankCode: "0001",
  branchCode: "001",
  accountType: "1" as const,
  accountNumber: "1234567",
};
const debitHeader = { ...transferHeader, debitDate: "2025-07-28" };
const transferFile = writeZenginTransferFile(transferHeader, transfers);
const resultFile = writeAccountTransferFile(debitHeader, debits, { kind: "result" });
const transferText = iconv.decode(Buffer.from(transferFile), "Shift_JIS");

const bench = new Bench({ iterations: 5, warmupIterations: 1, time: 0 });
bench
  .add("writeZenginTransferFile (総合振込)", () => {
    writeZenginTransferFile(transferHeader, transfers);
  })
  .add("parseZenginTransferFile (総合振込)", () => {
    parseZenginTransferFile(transferFile);
  })
  .add("writeAccountTransferFile (口座振替 result)", () => {
    writeAccountTransferFile(debitHeader, debits, { kind: "result" });
  })
  .add("parseAccountTransferFile (口座振替 result)", () => {
    parseAccountTransferFile(resultFile);
  })
  .add("floor: iconv-lite encode only", () => {
    iconv.encode(transferText, "Shift_JIS");
  })
  .add("floor: iconv-lite decode only", () => {
    iconv.decode(Buffer.from(transferFile), "Shift_JIS");
  });
await bench.run();
console.log(
  `${COUNT.toLocaleString()} records per file, ${(transferFile.length / 1024 / 1024).toFixed(1)} MB`,
);
console.table(
  bench.tasks.map((task) => {
    const r = task.result as { latency?: { mean?: number } } | undefined;
    const ms = r?.latency?.mean ?? Number.NaN;
    return {
      task: task.name,
      "ms/file": ms.toFixed(1),
      "records/s": Math.round((COUNT / ms) * 1000).toLocaleString(),
    };
  }),
);
