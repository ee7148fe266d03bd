import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_ARCHIVE_LIMITS } from "../archive-limits.js";
import { readZip } from "./read-zip.js";

const options = { fileName: "a.zip", limits: DEFAULT_ARCHIVE_LIMITS, wanted: () => true };
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** Offset of the first central-directory header. */
const central = (zip: Uint8Array) => Buffer.from(zip).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));

describe("readZip", () => {
  it("reads stored and deflated entries with UTF-8 names", () => {
    const zip = zipSync({
      "a.xml": [strToU8("<a/>"), { level: 0 }],
      "資料/b.xml": strToU8("<b>".repeat(100)),
    });
    const entries = readZip(zip, options);
    expect(text(entries.get("a.xml"))).toBe("<a/>");
    expect(text(entries.get("資料/b.xml"))).toBe("<b>".repeat(100));
  });

  it("never inflates entries that are not wanted, so a damaged or hostile one among them does no harm", () => {
    const zip = new Uint8Array(
      zipSync({
        "ppt/slides/slide1.xml": strToU8("<a/>".repeat(50)),
        "ppt/presentation.xml": strToU8("<p/>"),
      }),
    );
    // The slide's deflate stream no longer decodes: reading it would throw.
    const start = 30 + "ppt/slides/slide1.xml".length;
    zip.fill(0xff, start, start + 4);
    expect(() => readZip(zip, options)).toThrow(expect.objectContaining({ code: "CORRUPT" }));
    const entries = readZip(zip, { ...options, wanted: (name) => name === "ppt/presentation.xml" });
    expect([...entries.keys()]).toEqual(["ppt/presentation.xml"]);
  });

  it("reports damage, encryption and unknown methods as CORRUPT", () => {
    const zip = zipSync({ "a.xml": strToU8("<a/>") });
    expect(() => readZip(zip.subarray(0, zip.length - 30), options)).toThrow(
      expect.objectContaining({ code: "CORRUPT" }),
    );
    const encrypted = new Uint8Array(zip);
    encrypted[central(zip) + 8] = 1;
    expect(() => readZip(encrypted, options)).toThrow(/encrypted entry a\.xml/);
    const method = new Uint8Array(zip);
    method[central(zip) + 10] = 12;
    expect(() => readZip(method, options)).toThrow(/compression method 12/);
    const bad = new Uint8Array(zipSync({ "a.xml": strToU8("<a/>".repeat(50)) }));
    const start = 30 + "a.xml".length;
    bad.fill(0xff, start, start + 4);
    expect(() => readZip(bad, options)).toThrow(expect.objectContaining({ code: "CORRUPT" }));
  });

  it("follows zip64 sizes and offsets in the extra field", () => {
    const zip = zipSync({ "a.xml": [strToU8("<zip64/>"), { level: 0 }] });
    const at = central(zip);
    const name = zip.subarray(at + 46, at + 46 + 5);
    const header = Buffer.from(zip.subarray(at, at + 46));
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt32LE(0xffffffff, 42);
    header.writeUInt16LE(28, 30);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(8n, 4);
    extra.writeBigUInt64LE(8n, 12);
    extra.writeBigUInt64LE(0n, 20);
    const directory = Buffer.concat([header, name, extra]);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt32LE(directory.length, 12);
    const rebuilt = Buffer.concat([zip.subarray(0, at), directory, end]);
    expect(text(readZip(rebuilt, options).get("a.xml"))).toBe("<zip64/>");
  });
});
