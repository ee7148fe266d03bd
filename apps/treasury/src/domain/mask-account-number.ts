/**
 * Masks an account number for a letter or list: every digit but the last four becomes a full-width
 * `＊`, so a lost letter does not give the account away.
 *
 * @param accountNumber - the stored account number (digits)
 * @returns the masked number; four digits or fewer are shown whole
 * @example
 * maskAccountNumber("1234567"); // => "＊＊＊4567"
 */
export function maskAccountNumber(accountNumber: string): string {
  const shown = accountNumber.slice(-4);
  return "＊".repeat(Math.max(0, accountNumber.length - shown.length)) + shown;
}
