// Japanese retrieval (analyzer, BM25, fusion, chunking, locators, citations) lives in @ward/search-ja;
// re-exported so the app's layers import one domain module.

// Document parsing (text, Word, PDF, PowerPoint, Excel, CSV → located sections) lives in @ward/documents.
export {
  type ArchiveLimit,
  ArchiveLimitError,
  type ArchiveLimits,
  DEFAULT_ARCHIVE_LIMITS,
  type DocumentInput,
  type DocumentKind,
  detectDocumentKind,
  IngestError,
  type IngestErrorCode,
  type ParsedDocument,
  type ParsedSection,
  parseCsv,
  parseDocument,
  parseDocx,
  parsePdf,
  parsePptx,
  parseTextDocument,
  parseXlsx,
  workbookCellCounter,
} from "@ward/documents";
export {
  type Bm25Index,
  type Bm25Options,
  type Bm25Row,
  type Bm25Snapshot,
  bigramPrefix,
  bm25RowSchema,
  bm25SnapshotSchema,
  type Chunk,
  type ChunkingPolicy,
  type Citation,
  type CitedPassage,
  chunkingPolicyFor,
  chunkingPolicySchema,
  chunkSections,
  citationHref,
  citePassages,
  createBm25Index,
  createRetriever,
  createVectorIndex,
  decodeBm25Index,
  decodeVector,
  defaultChunkingPolicy,
  describeLocator,
  type EmbeddedChunk,
  type EmbedTexts,
  encodeVector,
  type IndexedChunk,
  indexedChunkSchema,
  type Locator,
  loadBm25Index,
  locatorKey,
  locatorSchema,
  normalizeJapanese,
  parseLocator,
  type Retrieve,
  reciprocalRankFusion,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
  sameLocator,
  tokenize,
  type VectorIndex,
} from "@ward/search-ja";
export type { AnswerOptions, AnswerProvider, AnswerRequest } from "./answer-provider.js";
export { type AnswerStream, answerQuestion, type QuestionRequest, streamAnswer } from "./answer-question.js";
export { createChatAnswerProvider } from "./chat-answer-provider.js";
export {
  type ChatMessage,
  createChatCompletionsClient,
  type StreamChat,
  type TokenUsage,
} from "./chat-completions-client.js";
export { createEmbeddingsClient } from "./embeddings-client.js";
export { createFallbackProvider } from "./fallback-provider.js";
export {
  allows,
  FOLDER_RIGHT_LABELS,
  type FolderAccess,
  type FolderGrant,
  type FolderSubject,
  folderAccess,
} from "./folder-right.js";
export { type IngestedDocument, ingestDocument } from "./ingest-document.js";
export type { ModelEndpoint } from "./internal/model-fetch.js";
export { ModelError, type ModelErrorCode } from "./model-error.js";
export {
  createAnswerProvider,
  type EmbeddingSettings,
  embeddingSettingsFromEnv,
  type ModelSettings,
  modelSettingsFromEnv,
} from "./model-settings.js";
export { bestExcerpt, createOfflineResponder } from "./offline-responder.js";
export { attachmentMessages, type PromptAttachments, readPromptAttachments } from "./prompt-attachments.js";
export { buildRagMessages } from "./rag-prompt.js";
export { ERASED_EXCERPT, redactExcerpts } from "./redact-excerpts.js";
export { parseServerSentEvents, type ServerSentEvent } from "./server-sent-events.js";
