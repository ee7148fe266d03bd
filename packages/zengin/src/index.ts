export {
  type AccountTransferHeader,
  type AccountTransferRecord,
  type WriteAccountTransferFileOptions,
  writeAccountTransferFile,
} from "./account-transfer-file.js";
export {
  ACCOUNT_TRANSFER_RESULT_NAMES,
  type AccountTransferResultCode,
  accountTransferResultName,
  isAccountTransferResultCode,
} from "./account-transfer-result.js";
export {
  ACCOUNT_TYPE_NAMES,
  type AccountTypeCode,
  accountTypeName,
  parseAccountType,
} from "./account-type.js";
export {
  type BankMaster,
  createBankMaster,
  type MasterEntry,
  type ZenginCodeData,
  zenginBankMaster,
} from "./bank-master.js";
export {
  abbreviateCorporateName,
  CORPORATE_ABBREVIATIONS,
  type CorporateAbbreviation,
} from "./corporate-abbreviations.js";
export {
  bankAccountInputSchema,
  type CreditorAccount,
  type CreditorAccountInput,
  type CreditorAccountValidation,
  creditorAccountInputSchema,
  japanPostAccountInputSchema,
  type ValidateCreditorAccountOptions,
  validateCreditorAccount,
} from "./creditor-account.js";
export {
  type FieldIssue,
  ZenginError,
  type ZenginErrorCode,
  type ZenginErrorOptions,
  ZenginFileError,
} from "./errors.js";
export {
  type HolderNameResult,
  type NormalizeHolderNameOptions,
  normalizeHolderName,
} from "./holder-name.js";
export {
  convertJapanPostAccount,
  JAPAN_POST_BANK_CODE,
  type JapanPostConversion,
  type JapanPostTransferAccount,
} from "./japan-post-account.js";
export {
  type ParseAccountTransferFileOptions,
  type ParsedAccountTransferFile,
  type ParsedAccountTransferHeader,
  type ParsedAccountTransferRecord,
  parseAccountTransferFile,
} from "./parse-account-transfer-file.js";
export {
  type ParsedZenginHeader,
  type ParsedZenginTransferFile,
  type ParseZenginTransferFileOptions,
  parseZenginTransferFile,
} from "./parse-zengin-transfer-file.js";
export { isZenginText, shiftJisByteLength, toZenginKana, type ZenginKanaResult } from "./zengin-kana.js";
export * from "./zengin-layout.js";
export {
  transferRecordFromAccount,
  type WriteZenginTransferFileOptions,
  writeZenginTransferFile,
  type ZenginTransferHeader,
  type ZenginTransferRecord,
} from "./zengin-transfer-file.js";
