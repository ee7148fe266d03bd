import { buildContract } from "./build-contract.js";
import type { Contract } from "./contract-schema.js";
import { ContractModelError } from "./errors.js";
import { meguroNursery2026Source } from "./seeds/meguro-nursery-2026.js";
import { nerimaAiService2026Source } from "./seeds/nerima-ai-service-2026.js";
import { nerimaTreasury2025Source } from "./seeds/nerima-treasury-2025.js";

export { meguroNursery2026Source } from "./seeds/meguro-nursery-2026.js";
export { nerimaAiService2026Source } from "./seeds/nerima-ai-service-2026.js";
export { nerimaTreasury2025Source } from "./seeds/nerima-treasury-2025.js";

/**
 * Seed 000 built: Nerima treasury FY2025 (2025-07-01 – 2026-03-31).
 *
 * @example
 * nerimaTreasury2025.period.start; // => { kind: "date", date: "2025-07-01", written: "令和7年7月1日" }
 */
export const nerimaTreasury2025: Contract = buildContract(nerimaTreasury2025Source);

/**
 * Seed 001 built: Nerima generative-AI service FY2026 (from the day after `contract-confirmed` to 2027-03-31).
 *
 * @example
 * nerimaAiService2026.period.end; // => { kind: "date", date: "2027-03-31", written: "令和 9 年 3 月 31 日" }
 */
export const nerimaAiService2026: Contract = buildContract(nerimaAiService2026Source);

/**
 * Seed 003 built: Meguro nursery FY2026 (2026-04-01 – 2027-03-31).
 *
 * @example
 * meguroNursery2026.calendar.policy.hours; // => { open: "08:30", close: "17:15" }
 */
export const meguroNursery2026: Contract = buildContract(meguroNursery2026Source);

/**
 * The three seed contracts by id.
 *
 * @example
 * Object.keys(seedContracts); // => ["nerima-treasury-2025", "nerima-ai-service-2026", "meguro-nursery-2026"]
 */
export const seedContracts: Readonly<Record<string, Contract>> = Object.freeze({
  [nerimaTreasury2025.id]: nerimaTreasury2025,
  [nerimaAiService2026.id]: nerimaAiService2026,
  [meguroNursery2026.id]: meguroNursery2026,
});

/**
 * A seed contract by id.
 *
 * @param id - `nerima-treasury-2025`, `nerima-ai-service-2026` or `meguro-nursery-2026`
 * @returns the contract
 * @throws {ContractModelError} `UNKNOWN_CONTRACT`
 * @example
 * getSeedContract("meguro-nursery-2026").title; // => "保育所運営費等事務業務委託"
 */
export function getSeedContract(id: string): Contract {
  const contract = Object.hasOwn(seedContracts, id) ? seedContracts[id] : undefined;
  if (contract === undefined) {
    throw new ContractModelError(
      "UNKNOWN_CONTRACT",
      `unknown contract "${id}" (known: ${Object.keys(seedContracts).join(", ")}) / 契約「${id}」はありません`,
    );
  }
  return contract;
}
