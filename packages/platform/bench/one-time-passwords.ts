// One million one-time passwords, each checked against the policy for its user; prints the rate
// and how often a raw draw from the same alphabet (the generator before it checked) failed.
import { randomBytes } from "node:crypto";
import { checkPasswordPolicy, generatePassword } from "../src/index.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
const logins = ["sato", "tanaka", "abc", "k.suzuki", "admin"];

let failures = 0;
const started = performance.now();
for (let i = 0; i < N; i += 1) {
  const context = { loginId: logins[i % logins.length] as string };
  if (checkPasswordPolicy(generatePassword({ context }), context).length > 0) failures += 1;
}
const ms = performance.now() - started;

// The old generator: 24 raw characters with three kinds and no run of four, but no policy check.
let rawRejected = 0;
const RAW = Math.min(N, 200_000);
for (let i = 0; i < RAW; i += 1) {
  const candidate = [...randomBytes(24)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  if (!/[a-z]/.test(candidate) || !/[A-Z]/.test(candidate) || !/[0-9]/.test(candidate)) continue;
  if (/(.)\1{3}/.test(candidate)) continue;
  if (checkPasswordPolicy(candidate, { loginId: "sato" }).length > 0) rawRejected += 1;
}
console.log(
  `generatePassword: ${N.toLocaleString("en")} generations, ${failures} policy failures, ${Math.round(ms)} ms (${Math.round((N / ms) * 1000).toLocaleString("en")}/s)`,
);
console.log(
  `old generator (raw draws, no policy check): ${((rawRejected / RAW) * 100).toFixed(3)}% rejected by the policy`,
);
if (failures > 0) process.exitCode = 1;
