import { SearchError } from "./search-error.js";

/**
 * Encodes an embedding for storage: base64 of its values as little-endian Float32 (4 bytes each,
 * a quarter of the JSON text and exact for what the vector index keeps).
 *
 * @param vector - the embedding
 * @returns base64 text
 * @example
 * encodeVector([1, 0.5]); // => "AACAPwAAAD8="
 */
export function encodeVector(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  for (const [i, value] of vector.entries()) view.setFloat32(i * 4, value, true);
  return Buffer.from(view.buffer).toString("base64");
}

/**
 * Decodes {@link encodeVector}'s text.
 *
 * @param text - base64 of little-endian Float32 values
 * @returns the values
 * @throws SearchError `INVALID_VECTOR` when the byte length is not a multiple of 4
 * @example
 * decodeVector("AACAPwAAAD8="); // => [1, 0.5]
 */
export function decodeVector(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % 4 !== 0) {
    throw new SearchError(
      "INVALID_VECTOR",
      `a stored vector has ${bytes.byteLength} bytes, not a multiple of 4`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}
