export { type BuildContractResult, buildContract, safeBuildContract } from "./build-contract.js";
export { type ClauseSet, clauseSetSchema } from "./clause-set.js";
export { contractCalendar } from "./contract-calendar.js";
export { type ContractDate, type ContractDateInput, contractDateSchema } from "./contract-date.js";
export { type ResolvedPeriod, resolvePeriod } from "./contract-period.js";
export { BUILT_IN_EVENTS, type Contract, type ContractInput, contractSchema } from "./contract-schema.js";
export {
  DELIVERABLE_CATEGORIES,
  type Deliverable,
  type DeliverableCategory,
  type DeliverableInput,
  deliverableSchema,
} from "./deliverable.js";
export { describeDueRule } from "./describe-due-rule.js";
export { type DueRule, type DueRuleInput, dueRuleSchema, isRecurringRule } from "./due-rule.js";
export { type ContractIssue, ContractModelError, type ContractModelErrorCode } from "./errors.js";
export {
  type ContractObligation,
  monthRange,
  type ObligationCategory,
  type ObligationStatus,
  type ObligationsOptions,
  obligations,
  obligationsOptionsSchema,
} from "./obligations.js";
export {
  CATEGORY_LABELS,
  obligationsToCsv,
  obligationsToCsvBytes,
  STATUS_LABELS,
} from "./obligations-csv.js";
export { type ObligationsICalendarOptions, obligationsToICalendar } from "./obligations-ics.js";
export { type PaymentTerms, type PaymentTermsInput, paymentTermsSchema } from "./payment-terms.js";
export {
  PROHIBITION_KINDS,
  type Prohibition,
  type ProhibitionKind,
  prohibitionSchema,
} from "./prohibition.js";
export {
  getSeedContract,
  meguroNursery2026,
  meguroNursery2026Source,
  nerimaAiService2026,
  nerimaAiService2026Source,
  nerimaTreasury2025,
  nerimaTreasury2025Source,
  seedContracts,
} from "./seed-contracts.js";
export { type SourceRef, sourceRefSchema } from "./source-ref.js";
export {
  STAFF_ROLE_KINDS,
  type StaffNotice,
  type StaffRole,
  type StaffRoleInput,
  type StaffRoleKind,
  staffNoticeSchema,
  staffRoleSchema,
} from "./staffing.js";
export { validateContract } from "./validate-contract.js";
export {
  type Volume,
  volumeSchema,
  type WorkItem,
  type WorkItemInput,
  type WorkWindow,
  workItemSchema,
  workWindowSchema,
} from "./work-item.js";
export { type Workload, type WorkloadLine, type WorkloadOptions, workload } from "./workload.js";
