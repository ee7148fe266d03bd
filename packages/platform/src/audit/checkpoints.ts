import { appendFileSync, createReadStream, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { hmacHex } from "./audit-keys.js";
import { canonicalJson } from "./audit-record.js";

/** One signed statement "record `seq` of chain `chain` had MAC `mac`", kept outside the database. */
export interface AuditCheckpoint {
  readonly chain: string;
  readonly seq: number;
  readonly mac: string;
  /** ISO 8601 when it was written. */
  readonly at: string;
}

/** A checkpoint read back, with whether its signature holds under this key. */
export interface ReadCheckpoint extends AuditCheckpoint {
  /** 1-based line in the file. */
  readonly line: number;
  readonly valid: boolean;
}

const lineSchema = z.object({
  v: z.literal(1),
  chain: z.string().max(100),
  seq: z.number().int().nonnegative(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});

// A line longer than this is not ours; the limit keeps a planted giant line from exhausting memory.
const MAX_LINE = 1_000;

/**
 * Serialises a checkpoint as one JSON line signed with HMAC-SHA-256 under the checkpoint key.
 *
 * @example
 * ```ts
 * signCheckpoint(keys.checkpointKey, { chain: "c1", seq: 5, mac, at }); // '{"at":…,"sig":"…","v":1}\n'
 * ```
 */
export function signCheckpoint(key: Uint8Array, checkpoint: AuditCheckpoint): string {
  const body = { v: 1, chain: checkpoint.chain, seq: checkpoint.seq, mac: checkpoint.mac, at: checkpoint.at };
  return `${canonicalJson({ ...body, sig: hmacHex(key, canonicalJson(body)) })}\n`;
}

/**
 * Appends a signed checkpoint to the file (created with mode 0600, parent folders as needed).
 *
 * @example
 * ```ts
 * appendCheckpoint(".secrets/treasury/audit-checkpoints.jsonl", keys.checkpointKey, checkpoint);
 * ```
 */
export function appendCheckpoint(file: string, key: Uint8Array, checkpoint: AuditCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, signCheckpoint(key, checkpoint), { mode: 0o600, flag: "a" });
}

/**
 * Reads every checkpoint line of a file and checks its signature; malformed lines come back invalid.
 *
 * @returns `undefined` when the file does not exist
 * @example
 * ```ts
 * const read = await readCheckpoints(file, keys.checkpointKey);
 * read?.filter((c) => !c.valid); // forged or damaged lines
 * ```
 */
export async function readCheckpoints(file: string, key: Uint8Array): Promise<ReadCheckpoint[] | undefined> {
  if (!existsSync(file)) return undefined;
  const out: ReadCheckpoint[] = [];
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === "") continue;
    const parsed = text.length > MAX_LINE ? undefined : safeJson(text);
    const checked = lineSchema.safeParse(parsed);
    if (!checked.success) {
      out.push({ chain: "", seq: 0, mac: "", at: "", line, valid: false });
      continue;
    }
    const { sig, v, ...checkpoint } = checked.data;
    const expected = hmacHex(key, canonicalJson({ v, ...checkpoint }));
    out.push({ ...checkpoint, line, valid: expected === sig });
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
