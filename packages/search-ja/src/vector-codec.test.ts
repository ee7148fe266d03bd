import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeVector, encodeVector } from "./vector-codec.js";

describe("encodeVector / decodeVector", () => {
  it("stores little-endian Float32 as base64", () => {
    expect(encodeVector([1, 0.5])).toBe("AACAPwAAAD8=");
    expect(decodeVector("AACAPwAAAD8=")).toEqual([1, 0.5]);
  });

  it("round-trips every Float32 value exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true }), { maxLength: 64 }), (values) => {
        expect(decodeVector(encodeVector(values))).toEqual(values.map((v) => Math.fround(v)));
      }),
    );
  });

  it("refuses bytes that are not whole Float32 values", () => {
    expect(() => decodeVector(Buffer.from([1, 2, 3]).toString("base64"))).toThrow(/multiple of 4/);
  });
});
