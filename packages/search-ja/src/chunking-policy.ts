import { z } from "zod";

/** zod schema of a {@link ChunkingPolicy}: size 100–8000 characters, overlap below half the size. */
export const chunkingPolicySchema = z
  .object({
    size: z.number().int().min(100).max(8000),
    overlap: z.number().int().min(0),
  })
  .refine((policy) => policy.overlap * 2 < policy.size, {
    message: "overlap must be less than half of size",
  });

/** How a folder cuts its documents into chunks, in characters. */
export type ChunkingPolicy = z.infer<typeof chunkingPolicySchema>;

/** The policy folders use until an admin tunes theirs: 600 characters with 100 of overlap. */
export const defaultChunkingPolicy: ChunkingPolicy = Object.freeze({ size: 600, overlap: 100 });

/**
 * Picks a folder's chunking policy: its own if set, else the default.
 *
 * @param folderId - the folder
 * @param policies - per-folder policies set by admins
 * @param fallback - the default policy
 * @returns the policy to use
 * @example
 * chunkingPolicyFor("f1", new Map([["f1", { size: 300, overlap: 50 }]])); // => { size: 300, overlap: 50 }
 */
export function chunkingPolicyFor(
  folderId: string,
  policies: ReadonlyMap<string, ChunkingPolicy>,
  fallback: ChunkingPolicy = defaultChunkingPolicy,
): ChunkingPolicy {
  return policies.get(folderId) ?? fallback;
}
