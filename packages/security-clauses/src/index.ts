export {
  getCatalogue,
  meguroCatalogue,
  nerimaAiServiceCatalogue,
  nerimaCatalogue,
  nerimaRisks,
} from "./catalogues.js";
export {
  type CryptrecCategory,
  type CryptrecCheck,
  type CryptrecCheckOptions,
  type CryptrecComponent,
  type CryptrecEntry,
  type CryptrecList,
  type CryptrecMembership,
  type CryptrecRevision,
  type CryptrecVersion,
  checkCryptrec,
  cryptrecLists,
  cryptrecVersionSchema,
} from "./cryptrec.js";
export {
  type DueEvent,
  type DueRule,
  describeDueRule,
  dueDateOf,
  dueEventLabel,
  dueEventSchema,
  dueRuleSchema,
} from "./due-rule.js";
export {
  type ErasureCertificate,
  erasureCertificateSchema,
  erasureCertificateTiming,
  parseErasureCertificate,
  renderErasureCertificateText,
  safeParseErasureCertificate,
} from "./erasure-certificate.js";
export { SecurityClausesError, type SecurityClausesErrorCode } from "./errors.js";
export {
  type Assertion,
  assertionSchema,
  type EvaluationReport,
  type EvaluationStatus,
  judge,
  type ProvisionResult,
  reportOf,
} from "./evaluation.js";
export {
  type CertificationScheme,
  certificationSchema,
  certificationSchemeSchema,
  evaluateMeguroCertification,
  evaluateMeguroCloudCertification,
  evaluateMeguroDataCenter,
  evaluateMeguroSupplier,
  type MeguroSupplierProfile,
  type MeguroSupplierProfileInput,
  meguroSupplierProfileSchema,
  parseMeguroSupplierProfile,
  safeParseMeguroSupplierProfile,
} from "./evaluators/meguro-certifications.js";
export {
  evaluateNerimaExternalService,
  type NerimaExternalServiceProfile,
  type NerimaExternalServiceProfileInput,
  nerimaExternalServiceProfileSchema,
  parseNerimaExternalServiceProfile,
  safeParseNerimaExternalServiceProfile,
} from "./evaluators/nerima-external-service.js";
export { type ChecklistItem, evidenceChecklist } from "./evidence-checklist.js";
export {
  type EvidenceDocument,
  type EvidenceDocumentId,
  evidenceDocumentIdSchema,
  evidenceDocuments,
} from "./evidence-documents.js";
export {
  type IncidentPolicy,
  type IncidentRecord,
  type IncidentTimer,
  incidentRecordSchema,
  incidentRegister,
  incidentTimers,
} from "./incident.js";
export type { SafeParseResult } from "./internal/parse.js";
export {
  type Actor,
  actorSchema,
  type Catalogue,
  type CatalogueId,
  catalogueIdSchema,
  type Obligation,
  obligationSchema,
  type Provision,
  type ProvisionText,
  type Tag,
  tagSchema,
} from "./provision.js";
export {
  getProvision,
  provisionsByActor,
  provisionsByDocument,
  provisionsByTag,
  provisionsOfArticle,
} from "./queries.js";
export {
  instantSchema,
  isoDateSchema,
  parseRegister,
  type RegisterColumn,
  type RegisterDefinition,
  registerToCsv,
  safeParseRegister,
} from "./registers/register.js";
export {
  type CopyApprovalEntry,
  copyApprovalEntrySchema,
  copyApprovals,
  type DisposalEntry,
  disposalEntrySchema,
  disposalLog,
  type MediaMailingEntry,
  type MediaTakeOutEntry,
  mediaMailingEntrySchema,
  mediaMailingLog,
  mediaTakeOutEntrySchema,
  mediaTakeOutLedger,
  type ReceiptEntry,
  receiptEntrySchema,
  receiptRegister,
  type StaffEntry,
  staffEntrySchema,
  staffRoster,
  type TrainingEntry,
  trainingEntrySchema,
  trainingRecords,
} from "./registers/registers.js";
