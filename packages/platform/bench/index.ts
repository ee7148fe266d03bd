// Hot paths of the platform: audit hashing and file envelope encryption.
import { Bench } from "tinybench";
import { auditHash, canonicalJson, openFile, sealFile } from "../src/index.js";

const key = new Uint8Array(32).fill(1);
const oneMiB = new Uint8Array(1024 * 1024).fill(65);
const sealed = sealFile(key, "bench", oneMiB);
const record = {
  seq: 1,
  occurredAt: "2025-07-01T09:00:00.000+09:00",
  actorId: 1,
  actorLogin: "sato",
  action: "note.read",
  targetType: "note",
  targetId: "7",
  result: "success" as const,
  sourceIp: "127.0.0.1",
  requestId: "r",
  detail: canonicalJson({ b: 1, a: 2 }),
  prevHash: "0".repeat(64),
};
const bench = new Bench({ time: 500 });
bench
  .add("auditHash (one record)", () => void auditHash(record))
  .add("sealFile 1 MiB (AES-256-GCM + key wrap)", () => void sealFile(key, "bench", oneMiB))
  .add("openFile 1 MiB (unwrap + decrypt + verify)", () => void openFile(key, "bench", sealed));
await bench.run();
console.table(bench.table());
