import type { Actor, Platform } from "@ward/platform";
import { registerCreditorAccount } from "../storage/creditor-accounts.js";
import { allows, authorize } from "./policies.js";

type Registration = Awaited<ReturnType<typeof registerCreditorAccount>>;

/**
 * Registers a creditor's bank account; says whether the actor may print the registration letter.
 *
 * @example
 * const result = await registerCreditor(platform, actor, { creditorName: "練馬商事", … });
 */
export async function registerCreditor(
  platform: Platform,
  actor: Actor,
  input: Parameters<typeof registerCreditorAccount>[2],
): Promise<Registration & { readonly letterAllowed: boolean }> {
  authorize(actor, "registerCreditor");
  const result = await registerCreditorAccount(platform, actor, input);
  return { ...result, letterAllowed: allows(actor, "readPersonalData") };
}
