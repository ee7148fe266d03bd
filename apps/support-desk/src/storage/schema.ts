import type { MigrationSet, PlatformTables } from "@ward/platform";
import { type Generated, type Kysely, sql } from "kysely";

/** Right on a folder, weakest first: read (閲覧), write (登録・差替・削除), manage (権限・設定の管理). */
export type FolderRight = "read" | "write" | "manage";
/** Who a grant is for. */
export type PrincipalType = "user" | "group" | "department";
/** State of an ingestion job and of each of its files. */
export type JobStatus = "queued" | "running" | "done" | "failed";

/** Kysely types of the support desk's tables (namespace `support_desk`). */
export interface SupportDeskTables {
  support_desk_folders: {
    id: Generated<number>;
    name: string;
    department_id: number;
    chunk_size: number;
    chunk_overlap: number;
    top_k: number;
    created_by: number | null;
    created_at: Date;
  };
  support_desk_grants: {
    id: Generated<number>;
    folder_id: number;
    principal_type: PrincipalType;
    principal_id: number;
    right: FolderRight;
    granted_by: number | null;
    granted_at: Date;
  };
  support_desk_documents: {
    id: string;
    folder_id: number;
    name: string;
    current_version_id: number | null;
    created_at: Date;
    updated_at: Date;
    deleted_at: Date | null;
  };
  support_desk_versions: {
    id: Generated<number>;
    document_id: string;
    version: number;
    file_id: string;
    file_name: string;
    kind: string;
    section_count: number;
    pages_without_text: string;
    created_by: number | null;
    created_at: Date;
    /** Dense retrieval was configured but the embeddings server failed: searched lexically only. */
    vectors_missing: Generated<boolean>;
  };
  support_desk_sections: {
    version_id: number;
    ordinal: number;
    locator: string;
    text: string;
  };
  support_desk_chunks: {
    chunk_id: string;
    document_id: string;
    version_id: number;
    folder_id: number;
    ordinal: number;
    text: string;
    locator: string;
    terms: string;
  };
  support_desk_jobs: {
    id: Generated<number>;
    folder_id: number;
    kind: "upload" | "replace" | "rechunk";
    status: JobStatus;
    created_by: number | null;
    created_at: Date;
    finished_at: Date | null;
  };
  support_desk_job_files: {
    id: Generated<number>;
    job_id: number;
    position: number;
    file_name: string;
    file_id: string;
    document_id: string | null;
    status: JobStatus;
    error_ja: string | null;
    notice_ja: string | null;
    /** The platform job (`ward_jobs`) that claims and retries this file. */
    queue_job_id: Generated<number | null>;
  };
  support_desk_threads: {
    id: Generated<number>;
    user_id: number;
    title: string;
    created_at: Date;
    updated_at: Date;
  };
  support_desk_messages: {
    id: Generated<number>;
    thread_id: number;
    role: "user" | "assistant";
    content: string;
    citations: string;
    provider: string | null;
    notices: string;
    created_at: Date;
  };
  support_desk_chunk_vectors: {
    chunk_id: string;
    model: string;
    dimensions: number;
    /** Base64 of the little-endian Float32 values. */
    vector: string;
  };
  /** The database search index (chunks with their analyzer terms; see database-search-index.ts). */
  support_desk_search_chunks: {
    chunk_id: string;
    document_id: string;
    folder_id: string;
    ordinal: number;
    text: string;
    locator: string;
    /** Every term occurrence, space-separated, for exact BM25 rescoring. */
    terms: string;
    /** Term occurrences (the BM25 length). */
    length: number;
    /** The distinct terms as a tsvector (GIN-indexed); written with array_to_tsvector. */
    lexemes: string;
  };
  /** Per folder, how many indexed chunks contain a term (BM25 document frequency). */
  support_desk_search_terms: {
    term: string;
    folder_id: string;
    df: number;
  };
  /** Per folder, indexed chunks and their total length (BM25 average length). */
  support_desk_search_folders: {
    folder_id: string;
    chunks: number;
    total_length: number;
  };
  support_desk_usage: {
    id: Generated<number>;
    user_id: number;
    asked_at: Date;
    /** `YYYY-MM` in Asia/Tokyo. */
    month: string;
    thread_id: number | null;
    /** JSON array of the folder ids searched. */
    folder_ids: string;
    /** The provider that answered: the model's name, or `offline`. */
    provider: string;
    prompt_tokens: number | null;
    completion_tokens: number | null;
    question_chars: number;
    answer_chars: number;
  };
}

/** The platform's tables and the support desk's. */
export type SupportDeskDb = Kysely<PlatformTables & SupportDeskTables>;

/** The support desk's migrations, namespace `support_desk`, run by `createPlatform`. */
export const supportDeskMigrations: MigrationSet = {
  namespace: "support_desk",
  migrations: [
    {
      id: "001_folders_documents_chat",
      async up(trx) {
        await sql`create table support_desk_folders (
          id integer generated by default as identity primary key,
          name text not null check (length(name) between 1 and 100),
          department_id integer not null references departments(id),
          chunk_size integer not null default 600 check (chunk_size between 100 and 8000),
          chunk_overlap integer not null default 100 check (chunk_overlap >= 0 and chunk_overlap * 2 < chunk_size),
          top_k integer not null default 5 check (top_k between 1 and 20),
          created_by integer references users(id),
          created_at timestamptz not null,
          unique (department_id, name)
        )`.execute(trx);
        await sql`create table support_desk_grants (
          id integer generated by default as identity primary key,
          folder_id integer not null references support_desk_folders(id) on delete cascade,
          principal_type text not null check (principal_type in ('user', 'group', 'department')),
          principal_id integer not null,
          "right" text not null check ("right" in ('read', 'write', 'manage')),
          granted_by integer references users(id),
          granted_at timestamptz not null,
          unique (folder_id, principal_type, principal_id)
        )`.execute(trx);
        await sql`create table support_desk_documents (
          id text primary key,
          folder_id integer not null references support_desk_folders(id),
          name text not null,
          current_version_id integer,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          deleted_at timestamptz
        )`.execute(trx);
        await sql`create table support_desk_versions (
          id integer generated by default as identity primary key,
          document_id text not null references support_desk_documents(id) on delete cascade,
          version integer not null,
          file_id text not null references files(id),
          file_name text not null,
          kind text not null,
          section_count integer not null,
          pages_without_text text not null,
          created_by integer references users(id),
          created_at timestamptz not null,
          unique (document_id, version)
        )`.execute(trx);
        await sql`create table support_desk_sections (
          version_id integer not null references support_desk_versions(id) on delete cascade,
          ordinal integer not null,
          locator text not null,
          text text not null,
          primary key (version_id, ordinal)
        )`.execute(trx);
        await sql`create table support_desk_chunks (
          chunk_id text primary key,
          document_id text not null references support_desk_documents(id) on delete cascade,
          version_id integer not null references support_desk_versions(id) on delete cascade,
          folder_id integer not null references support_desk_folders(id),
          ordinal integer not null,
          text text not null,
          locator text not null,
          terms text not null
        )`.execute(trx);
        await sql`create index support_desk_chunks_document on support_desk_chunks (document_id)`.execute(
          trx,
        );
        await sql`create table support_desk_jobs (
          id integer generated by default as identity primary key,
          folder_id integer not null references support_desk_folders(id),
          kind text not null check (kind in ('upload', 'replace', 'rechunk')),
          status text not null check (status in ('queued', 'running', 'done', 'failed')),
          created_by integer references users(id),
          created_at timestamptz not null,
          finished_at timestamptz
        )`.execute(trx);
        await sql`create table support_desk_job_files (
          id integer generated by default as identity primary key,
          job_id integer not null references support_desk_jobs(id) on delete cascade,
          position integer not null,
          file_name text not null,
          file_id text not null references files(id),
          document_id text,
          status text not null check (status in ('queued', 'running', 'done', 'failed')),
          error_ja text,
          notice_ja text
        )`.execute(trx);
        await sql`create table support_desk_threads (
          id integer generated by default as identity primary key,
          user_id integer not null references users(id),
          title text not null,
          created_at timestamptz not null,
          updated_at timestamptz not null
        )`.execute(trx);
        await sql`create index support_desk_threads_user on support_desk_threads (user_id, updated_at)`.execute(
          trx,
        );
        await sql`create table support_desk_messages (
          id integer generated by default as identity primary key,
          thread_id integer not null references support_desk_threads(id) on delete cascade,
          role text not null check (role in ('user', 'assistant')),
          content text not null,
          citations text not null,
          provider text,
          notices text not null,
          created_at timestamptz not null
        )`.execute(trx);
      },
    },
    {
      id: "002_vectors_usage",
      async up(trx) {
        await sql`alter table support_desk_versions add column vectors_missing boolean not null default false`.execute(
          trx,
        );
        await sql`create table support_desk_chunk_vectors (
          chunk_id text primary key references support_desk_chunks(chunk_id) on delete cascade,
          model text not null,
          dimensions integer not null check (dimensions > 0),
          vector text not null
        )`.execute(trx);
        await sql`create table support_desk_usage (
          id integer generated by default as identity primary key,
          user_id integer not null references users(id),
          asked_at timestamptz not null,
          month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
          thread_id integer references support_desk_threads(id) on delete set null,
          folder_ids text not null,
          provider text not null,
          prompt_tokens integer check (prompt_tokens >= 0),
          completion_tokens integer check (completion_tokens >= 0),
          question_chars integer not null check (question_chars >= 0),
          answer_chars integer not null check (answer_chars >= 0)
        )`.execute(trx);
        await sql`create index support_desk_usage_month on support_desk_usage (month, user_id)`.execute(trx);
        await sql`create index support_desk_usage_user on support_desk_usage (user_id, asked_at)`.execute(
          trx,
        );
      },
    },
    {
      // Files move to the platform's durable queue: each waiting file, or one a crash left running,
      // becomes a queued platform job (in upload order); finished files need none.
      id: "003_desk-runtime_platform_jobs",
      async up(trx) {
        await sql`alter table support_desk_job_files add column queue_job_id integer references ward_jobs(id)`.execute(
          trx,
        );
        await sql`insert into ward_jobs (queue, payload, status, max_attempts, run_after, created_at)
          select 'support-desk.ingest', jsonb_build_object('jobFileId', id), 'queued', 3, now(), now()
          from support_desk_job_files
          where status in ('queued', 'running')
          order by job_id, position`.execute(trx);
        await sql`update support_desk_job_files f
          set queue_job_id = j.id, status = 'queued'
          from ward_jobs j
          where j.queue = 'support-desk.ingest' and (j.payload ->> 'jobFileId')::integer = f.id
            and f.status in ('queued', 'running')`.execute(trx);
        await sql`create index support_desk_job_files_queue_job on support_desk_job_files (queue_job_id)`.execute(
          trx,
        );
      },
    },
    {
      id: "003_search-ja_database_index",
      async up(trx) {
        // The database search index: shared by every instance on one PostgreSQL, bounded by disk.
        // Statistics have no sign checks: decrements arrive as negative upserts.
        await sql`create table support_desk_search_chunks (
          chunk_id text primary key,
          document_id text not null,
          folder_id text not null,
          ordinal integer not null check (ordinal >= 0),
          text text not null,
          locator text not null,
          terms text not null,
          length integer not null check (length >= 0),
          lexemes tsvector not null
        )`.execute(trx);
        await sql`create index support_desk_search_chunks_document on support_desk_search_chunks (document_id)`.execute(
          trx,
        );
        await sql`create index support_desk_search_chunks_lexemes on support_desk_search_chunks using gin (lexemes)`.execute(
          trx,
        );
        await sql`create table support_desk_search_terms (
          term text not null,
          folder_id text not null,
          df integer not null,
          primary key (term, folder_id)
        )`.execute(trx);
        await sql`create table support_desk_search_folders (
          folder_id text primary key,
          chunks integer not null,
          total_length bigint not null
        )`.execute(trx);
      },
    },
  ],
};
