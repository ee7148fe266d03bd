import { z } from "zod";
import { parseDateText } from "./internal/dates.js";

const eventName = z.string().regex(/^[a-z][a-z0-9-]*$/, "expected a kebab-case event name");

/**
 * A date of a contract as written in the specification: wareki text (`令和7年7月1日`, converted with
 * `@ward/calendar-jp`'s `parseWareki`), an ISO date, or a date relative to an event known only later
 * (`{ after: "contract-confirmed", days: 1, written: "契約確定日の翌日" }`).
 *
 * @example
 * contractDateSchema.parse("令和7年7月1日"); // => { kind: "date", date: "2025-07-01", written: "令和7年7月1日" }
 * contractDateSchema.parse({ after: "contract-confirmed", days: 1 }); // => { kind: "after-event", event: "contract-confirmed", days: 1 }
 */
export const contractDateSchema = z.union([
  z.string().transform((text, ctx) => {
    const date = parseDateText(text);
    if (date === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `not a date: ${JSON.stringify(text)} (expected e.g. 令和7年7月1日 or 2025-07-01)`,
        params: { ja: `日付として読めません: 「${text}」（例: 令和7年7月1日、2025-07-01）` },
      });
      return z.NEVER;
    }
    return { kind: "date" as const, date, written: text };
  }),
  z
    .strictObject({
      after: eventName,
      days: z.int().min(0).max(366),
      written: z.string().min(1).optional(),
    })
    .transform(({ after, days, written }) => ({
      kind: "after-event" as const,
      event: after,
      days,
      ...(written === undefined ? {} : { written }),
    })),
]);

/** A contract date as written: wareki/ISO text or `{ after, days, written? }`. */
export type ContractDateInput = z.input<typeof contractDateSchema>;
/** A contract date after parsing: a fixed ISO date or N calendar days after a named event. */
export type ContractDate = z.output<typeof contractDateSchema>;
