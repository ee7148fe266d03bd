import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { Logger } from "pino";
import type { PlatformTables } from "../storage/schema.js";
import { type Clock, systemClock, toTokyoIso } from "../time.js";
import type { AuditKeys } from "./audit-keys.js";
import { appendCheckpoint } from "./checkpoints.js";

/** Options of {@link AuditKeyring}. */
export interface AuditKeyringOptions {
  /** Where signed checkpoints go; `undefined` writes none (in-memory platforms). */
  readonly checkpointFile?: string | undefined;
  /** Longest time between an append and its checkpoint; default 1,000 ms. */
  readonly intervalMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * Carries the audit keys with the platform's Kysely instance (and every transaction opened from
 * it), so `appendAudit(trx, …)` can MAC records without a new parameter, and writes checkpoints a
 * moment after appends. It changes no query.
 *
 * @example
 * ```ts
 * const keyring = new AuditKeyring(deriveAuditKeys(masterKey), { checkpointFile });
 * const db = database.db.withPlugin(keyring);
 * ```
 */
export class AuditKeyring implements KyselyPlugin {
  readonly keys: AuditKeys;
  readonly checkpointFile: string | undefined;
  #chainId: string | undefined;
  #db: Kysely<PlatformTables> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #written = -1;
  #flushing: Promise<void> = Promise.resolve();
  readonly #intervalMs: number;
  readonly #clock: Clock;
  readonly #logger: Logger | undefined;

  constructor(keys: AuditKeys, options: AuditKeyringOptions = {}) {
    this.keys = keys;
    this.checkpointFile = options.checkpointFile;
    this.#intervalMs = options.intervalMs ?? 1_000;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The chain id once {@link attach} ran. */
  get chainId(): string | undefined {
    return this.#chainId;
  }

  /** Starts checkpointing the committed head of `db`'s chain `chainId`. */
  attach(db: Kysely<PlatformTables>, chainId: string): void {
    this.#db = db;
    this.#chainId = chainId;
  }

  /** Called by `appendAudit`: schedules a checkpoint of the head once the transaction committed. */
  noteAppend(): void {
    if (!this.checkpointFile || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch((error: unknown) =>
        this.#logger?.error({ err: error }, "could not write the audit checkpoint"),
      );
    }, this.#intervalMs);
    // A pending checkpoint must not keep a CLI process alive; close() flushes it.
    this.#timer.unref();
  }

  /** Writes a checkpoint of the committed chain head now, when it moved since the last one. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(
      () => this.#write(),
      () => this.#write(),
    );
    return this.#flushing;
  }

  async #write(): Promise<void> {
    const db = this.#db;
    const chain = this.#chainId;
    if (!db || !chain || !this.checkpointFile) return;
    const head = await db
      .selectFrom("audit_head")
      .select(["seq", "hash"])
      .where("id", "=", 1)
      .executeTakeFirst();
    if (!head || head.seq === 0 || head.seq === this.#written) return;
    appendCheckpoint(this.checkpointFile, this.keys.checkpointKey, {
      chain,
      seq: head.seq,
      mac: head.hash,
      at: toTokyoIso(this.#clock()),
    });
    this.#written = head.seq;
  }

  /** Stops the timer and writes the last checkpoint. */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}

/**
 * The {@link AuditKeyring} travelling with a platform database or transaction, if any.
 *
 * @example
 * ```ts
 * findAuditKeyring(platform.db)?.keys.chainKey;
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: any platform or app database
export function findAuditKeyring(db: Kysely<any>): AuditKeyring | undefined {
  return db.getExecutor().plugins.find((p): p is AuditKeyring => p instanceof AuditKeyring);
}
