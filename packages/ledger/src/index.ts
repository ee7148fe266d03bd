export { type AllocateOptions, type AllocationRule, allocateAmount } from "./allocate-amount.js";
export { assertBalance, type BalanceCheck, type BalanceInput, checkBalance } from "./balance.js";
export { LedgerError, type LedgerErrorCode, type LedgerErrorOptions } from "./errors.js";
export { type FormatAmountOptions, formatAmount } from "./format-amount.js";
export { type FormatDaijiOptions, formatDaiji } from "./format-daiji.js";
export {
  type MoneyJSON,
  moneyFromJSON,
  moneyToJSON,
  type TallyJSON,
  tallyFromJSON,
  tallyToJSON,
} from "./json.js";
export {
  type Currency,
  currencyFromCode,
  currencyOf,
  type Money,
  money,
  sumMoney,
  toMinorUnits,
  yen,
} from "./money.js";
export {
  type ParseAmountOptions,
  parseAmount,
  type SafeParseAmountResult,
  safeParseAmount,
} from "./parse-amount.js";
export { type CellDifference, type CellFigures, type Reconciliation, reconcile } from "./reconcile.js";
export { type RollUpDimension, rollUp } from "./roll-up.js";
export {
  assertRunningBalance,
  type BalanceLine,
  type BalanceMismatch,
  type Movement,
  type RunningBalance,
  runningBalance,
} from "./running-balance.js";
export {
  type StampBalance,
  type StampLedger,
  type StampLedgerInput,
  type StampLine,
  stampLedger,
} from "./stamp-ledger.js";
export {
  type Tally,
  type TallyCell,
  type TallyEntryRecord,
  type TallyRow,
  type TallyRowsOptions,
  tallyRows,
} from "./tally.js";
export {
  type AddResult,
  createTally,
  type DimensionValue,
  type ReversingEntry,
  type TallyBuilder,
  type TallyEntry,
} from "./tally-builder.js";
export {
  type DimensionDefinition,
  type DuplicatePolicy,
  defineTally,
  type TallyLevel,
  type TallySchema,
  type TallySchemaInput,
} from "./tally-schema.js";
