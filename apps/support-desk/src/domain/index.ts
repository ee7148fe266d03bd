export type { AnswerOptions, AnswerProvider, AnswerRequest } from "./answer-provider.js";
export { type AnswerStream, answerQuestion, type QuestionRequest, streamAnswer } from "./answer-question.js";
export {
  type ArchiveLimit,
  ArchiveLimitError,
  type ArchiveLimits,
  DEFAULT_ARCHIVE_LIMITS,
  workbookCellCounter,
} from "./archive-limits.js";
export {
  type Bm25Index,
  type Bm25Options,
  type Bm25Row,
  type Bm25Snapshot,
  bm25RowSchema,
  bm25SnapshotSchema,
  createBm25Index,
  loadBm25Index,
} from "./bm25-index.js";
export { createChatAnswerProvider } from "./chat-answer-provider.js";
export {
  type ChatMessage,
  createChatCompletionsClient,
  type StreamChat,
  type TokenUsage,
} from "./chat-completions-client.js";
export { type Chunk, chunkSections } from "./chunk-sections.js";
export {
  type ChunkingPolicy,
  chunkingPolicyFor,
  chunkingPolicySchema,
  defaultChunkingPolicy,
} from "./chunking-policy.js";
export { citationHref } from "./citation-link.js";
export { type Citation, type CitedPassage, citePassages } from "./citations.js";
export { detectDocumentKind } from "./detect-document-kind.js";
export { createEmbeddingsClient, type EmbedTexts } from "./embeddings-client.js";
export { createFallbackProvider } from "./fallback-provider.js";
export {
  allows,
  FOLDER_RIGHT_LABELS,
  type FolderAccess,
  type FolderGrant,
  type FolderSubject,
  folderAccess,
} from "./folder-right.js";
export {
  type IndexedChunk,
  indexedChunkSchema,
  type SearchHit,
  type SearchOptions,
} from "./indexed-chunk.js";
export { type IngestedDocument, ingestDocument } from "./ingest-document.js";
export { IngestError, type IngestErrorCode } from "./ingest-error.js";
export type { ModelEndpoint } from "./internal/model-fetch.js";
export {
  describeLocator,
  type Locator,
  locatorKey,
  locatorSchema,
  parseLocator,
  sameLocator,
} from "./locator.js";
export { ModelError, type ModelErrorCode } from "./model-error.js";
export {
  createAnswerProvider,
  type EmbeddingSettings,
  embeddingSettingsFromEnv,
  type ModelSettings,
  modelSettingsFromEnv,
} from "./model-settings.js";
export { normalizeJapanese } from "./normalize-japanese.js";
export { bestExcerpt, createOfflineResponder } from "./offline-responder.js";
export { parseCsv } from "./parse-csv.js";
export { parseDocument } from "./parse-document.js";
export { parseDocx } from "./parse-docx.js";
export { parsePdf } from "./parse-pdf.js";
export { parsePptx } from "./parse-pptx.js";
export { parseTextDocument } from "./parse-text.js";
export { parseXlsx } from "./parse-xlsx.js";
export type { DocumentInput, DocumentKind, ParsedDocument, ParsedSection } from "./parsed-document.js";
export { attachmentMessages, type PromptAttachments, readPromptAttachments } from "./prompt-attachments.js";
export { buildRagMessages } from "./rag-prompt.js";
export { reciprocalRankFusion } from "./reciprocal-rank-fusion.js";
export { ERASED_EXCERPT, redactExcerpts } from "./redact-excerpts.js";
export { createRetriever, type Retrieve } from "./retriever.js";
export { parseServerSentEvents, type ServerSentEvent } from "./server-sent-events.js";
export { bigramPrefix, tokenize } from "./tokenize.js";
export { decodeVector, encodeVector } from "./vector-codec.js";
export { createVectorIndex, type EmbeddedChunk, type VectorIndex } from "./vector-index.js";
