// Type-level contracts, checked by `pnpm typecheck`.
import { USD } from "dinero.js/currencies";
import { expectTypeOf } from "vitest";
import { notices } from "./fixtures/notices.js";
import { allocateAmount, createTally, type Money, money, parseAmount, sumMoney, yen } from "./index.js";

expectTypeOf(yen(1)).toEqualTypeOf<Money<"JPY">>();
expectTypeOf(parseAmount("1")).toEqualTypeOf<Money<"JPY">>();
expectTypeOf(parseAmount("1", { currency: USD })).toEqualTypeOf<Money<"USD">>();
expectTypeOf(allocateAmount(money(1, USD), [1])).toEqualTypeOf<Money<"USD">[]>();

const builder = createTally(notices);
const dimensions = { channel: "bank", account: "01", subject: "10/01/01/01", department: "D10" };
builder.add({ key: "ok", amount: yen(1), dimensions });
// @ts-expect-error a USD amount cannot enter a JPY tally
builder.add({ key: "usd", amount: money(1, USD), dimensions });
// @ts-expect-error yen and dollars cannot be summed
sumMoney([yen(1), money(1, USD)], USD);
