export {
  ACCOUNT_CSV_COLUMNS,
  ACCOUNT_CSV_LIMITS,
  type AccountCsvIssue,
  type AccountCsvRow,
  readAccountCsv,
  readAccountCsvText,
} from "./accounts/account-csv.js";
export {
  type AccountImportPlan,
  type AccountImportResult,
  commitAccountImport,
  formatAccountIssue,
  type PlannedAccountRow,
  planAccountImport,
  type StagedAccountImport,
  stageAccountImport,
} from "./accounts/account-import.js";
export { type Actor, SYSTEM, toAuditActor } from "./accounts/actor.js";
export {
  bootstrapAdmin,
  changePassword,
  type LoginResult,
  login,
  logout,
  type RequestOrigin,
  resolveSession,
  type Session,
  type SessionLookup,
} from "./accounts/auth.js";
export { type BreakGlassRequest, breakGlass } from "./accounts/break-glass.js";
export {
  credentialsCsv,
  type IssuedCredential,
  storeCredentials,
  takeCredentials,
} from "./accounts/credential-handout.js";
export { CREDENTIAL_LETTERS_LIMIT, credentialLettersPdf } from "./accounts/credential-letters.js";
export { applyMovesWhenDue } from "./accounts/due-moves.js";
export { purgeLoginThrottle } from "./accounts/login-throttle.js";
export {
  addGroupMember,
  createDepartment,
  createGroup,
  type Department,
  type Group,
  listDepartments,
  listGroups,
} from "./accounts/organisation.js";
export { importOrganisationCsv, type OrganisationCsvKind } from "./accounts/organisation-csv.js";
export {
  type Argon2Params,
  createPasswordHasher,
  DEFAULT_ARGON2,
  type GeneratePasswordOptions,
  generatePassword,
  type PasswordHasher,
} from "./accounts/password-hasher.js";
export {
  checkPasswordPolicy,
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  type PasswordViolation,
} from "./accounts/password-policy.js";
export {
  GRANT_LABELS,
  GRANTABLE_PERMISSIONS,
  type GrantablePermission,
  grantPermission,
  revokePermission,
  withGrants,
} from "./accounts/permission-grants.js";
export {
  can,
  canAccessDepartment,
  type Permission,
  ROLE_LABELS,
  type SessionUser,
} from "./accounts/roles.js";
export { startOfTokyoDay, tokyoDate } from "./accounts/tokyo-day.js";
export {
  type AdminContext,
  resetUserPassword,
  setUserDisabled,
  unlockUser,
} from "./accounts/user-admin.js";
export {
  applyDueMoves,
  cancelMove,
  listMoves,
  type MoveInput,
  markMoveReviewed,
  moveInput,
  scheduleMove,
  type UserMove,
} from "./accounts/user-moves.js";
export {
  type CreateUserInput,
  createUser,
  createUserInput,
  listUsers,
  type UserChanges,
  type UserSummary,
  updateUser,
} from "./accounts/users.js";
export { type AuditKeys, deriveAuditKeys } from "./audit/audit-keys.js";
export { type AuditQuery, appendAudit, auditToCsv, countAudit, queryAudit } from "./audit/audit-log.js";
export {
  type AuditActor,
  type AuditEntry,
  type AuditRecord,
  type AuditResult,
  auditHash,
  auditMac,
  canonicalJson,
} from "./audit/audit-record.js";
export { type AuditCheckpoint, type ReadCheckpoint, readCheckpoints } from "./audit/checkpoints.js";
export {
  AUDIT_PROBLEM_JA,
  type AuditChainProblem,
  type AuditChainProblemKind,
  type AuditChainReport,
  type VerifyAuditOptions,
  verifyAuditChain,
} from "./audit/verify-audit-chain.js";
export { type CliSession, cliLogin, type OsIdentity, osActor } from "./cli/cli-actor.js";
export type { LockoutSettings, PlatformContext, SessionSettings } from "./context.js";
export { createDemoApp, type DemoTables, demoMigrations } from "./demo/demo-app.js";
export {
  ERROR_CATALOG,
  type FieldIssue,
  isPlatformError,
  PlatformError,
  type PlatformErrorCode,
  type PlatformErrorOptions,
} from "./errors.js";
export { type Envelope, openFile, sealFile } from "./files/envelope.js";
export {
  ERASURE_METHOD,
  type ErasureRecord,
  eraseFile,
  type FileReadRule,
  listErasures,
  putFile,
  readFile,
  type StoredFile,
} from "./files/file-store.js";
export {
  defaultSecretsDir,
  generateMasterKey,
  type MasterKeyOptions,
  type MasterKeySource,
  parseMasterKey,
  type ResolvedMasterKey,
  resolveMasterKey,
} from "./files/master-key.js";
export { type ReclaimReport, reclaimErasedSpace } from "./files/reclaim-space.js";
export type {
  AdminHooks,
  SetupChecklistHook,
  SetupChecklistItem,
  UserGrant,
  UserGrantsProvider,
} from "./http/admin-hooks.js";
export { SESSION_COOKIE } from "./http/builtin-routes.js";
export {
  type ClientInfo,
  resolveClient,
  type TrustedProxies,
  trustedProxyList,
} from "./http/client-address.js";
export { type AppOptions, createApp, LOGIN_CSRF_COOKIE } from "./http/create-app.js";
export type { AuthorizeFileRead, PlatformEnv, ShellConfig } from "./http/env.js";
export {
  type FormResult,
  parseJson,
  renderPage,
  requirePermission,
  safeParseForm,
  wantsJson,
} from "./http/request-helpers.js";
export { type RunningServer, type ServerOptions, startServer } from "./http/start-server.js";
export { jobMigrations } from "./jobs/job-migrations.js";
export {
  type AnyDb,
  type ClaimedJob,
  claimJobs,
  enqueueJob,
  expireLeases,
  type FailedJob,
  failExhaustedJobs,
  holdJob,
  markJobDone,
  releaseJob,
  renewLease,
  requeueJob,
} from "./jobs/job-queue.js";
export {
  type JobContext,
  type JobErrorVerdict,
  type JobRunner,
  type JobRunnerOptions,
  startJobRunner,
} from "./jobs/job-runner.js";
export type { JobStatus, JobTables } from "./jobs/job-tables.js";
export { createPlatform, type Platform, type PlatformOptions } from "./platform.js";
export {
  acquireDataDirLock,
  DATA_DIR_LOCK_FILE,
  type DataDirLock,
  type DataDirLockOptions,
  type DataDirOwner,
} from "./storage/data-dir-lock.js";
export {
  type DatabaseKind,
  type DatabaseOptions,
  openDatabase,
  type PlatformDatabase,
} from "./storage/database.js";
export {
  type AppliedMigration,
  type Migration,
  type MigrationSet,
  runMigrations,
} from "./storage/migrations.js";
export { GENESIS_HASH, platformMigrations } from "./storage/platform-migrations.js";
export { type PlatformTables, ROLES, type Role } from "./storage/schema.js";
export { type Clock, formatTokyo, PLATFORM_ZONE, systemClock, toTokyoIso } from "./time.js";
export { html, raw } from "./ui/html.js";
export {
  csrfField,
  dataTable,
  errorSummary,
  type FieldOptions,
  field,
  type Html,
  issuesFor,
  type LayoutOptions,
  type NavItem,
  renderLayout,
  selectField,
} from "./ui/layout.js";
export { SHELL_CSS } from "./ui/styles.js";
export {
  createWorkerPool,
  type RunOptions,
  type WorkerPool,
  type WorkerPoolOptions,
  type WorkerPoolStats,
} from "./workers/worker-pool.js";
