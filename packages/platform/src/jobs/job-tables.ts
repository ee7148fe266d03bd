import type { Generated } from "kysely";

/** State of a durable job: waiting, held by a runner under a lease, or finished. */
export type JobStatus = "queued" | "running" | "done" | "failed";

/** Kysely types of the job table (migration set {@link jobMigrations}). */
export interface JobTables {
  ward_jobs: {
    id: Generated<number>;
    queue: string;
    payload: unknown;
    status: JobStatus;
    attempts: Generated<number>;
    max_attempts: number;
    run_after: Date;
    /** The claim token of the runner holding the job (one per claim). */
    locked_by: string | null;
    /** The lease: after this instant any runner may claim the job again. */
    locked_until: Date | null;
    last_error: string | null;
    error_ja: string | null;
    created_at: Date;
    finished_at: Date | null;
  };
}
