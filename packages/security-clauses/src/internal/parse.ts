import type { z } from "zod";
import { SecurityClausesError } from "../errors.js";

/** Result of a `safeParseX` function. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: SecurityClausesError };

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** Parses with a schema, throwing a SecurityClausesError naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = safeParseWith(schema, input, what);
  if (!result.success) throw result.error;
  return result.data;
}

/** Parses with a schema without throwing. */
export function safeParseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): SafeParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    error: new SecurityClausesError("INVALID_INPUT", `invalid ${what}: ${describe(result.error)}`, {
      cause: result.error,
    }),
  };
}
