import { constants, deflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";

const MiB = 1024 * 1024;

/**
 * Raw DEFLATE data that inflates to `unit` repeated to `totalMiB` MiB without ever holding it:
 * one 16 MiB block ending in a sync flush (so it ends on a byte boundary) is repeated, each copy
 * decoding against the previous copy's identical tail, then an empty final block closes the stream.
 */
export function repeatedDeflate(unit: string, totalMiB: number): Uint8Array {
  const pattern = Buffer.from(unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB - (MiB % unit.length)));
  const block = Buffer.alloc(16 * pattern.length);
  for (let i = 0; i < 16; i += 1) pattern.copy(block, i * pattern.length);
  const compressed = deflateRawSync(block, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const copies = Math.ceil(totalMiB / 16);
  // 0x03 0x00: a final fixed-Huffman block holding only end-of-block.
  return Buffer.concat([...Array.from({ length: copies }, () => compressed), Buffer.from([0x03, 0x00])]);
}

/** A zip whose entries are given as already-deflated data (method 8) and the size to claim for each. */
export function zipWithDeflated(
  entries: Record<string, { deflated: Uint8Array; size: number } | string>,
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(entries)) {
    const data = typeof value === "string" ? deflateRawSync(Buffer.from(value)) : Buffer.from(value.deflated);
    const size = typeof value === "string" ? Buffer.byteLength(value) : value.size;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC: the limits stop inflation long before a CRC could be checked
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralBytes, end]));
}

/** A .pptx whose one slide inflates to `totalMiB` MiB of whitespace while its directory claims 4 KiB. */
export function pptxBomb(totalMiB: number): Uint8Array {
  const rels = `<Relationships><Relationship Id="rId1" Target="slides/slide1.xml"/></Relationships>`;
  return zipWithDeflated({
    "ppt/presentation.xml": `<p:presentation><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`,
    "ppt/_rels/presentation.xml.rels": rels,
    // Whitespace between tags: a period of one byte is what DEFLATE compresses best (~1000:1).
    "ppt/slides/slide1.xml": { deflated: repeatedDeflate(" ", totalMiB), size: 4096 },
  });
}

/** A .docx whose document part inflates to `totalMiB` MiB while its directory claims 4 KiB. */
export function docxBomb(totalMiB: number): Uint8Array {
  return zipWithDeflated({
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "word/document.xml": { deflated: repeatedDeflate(" ", totalMiB), size: 4096 },
  });
}

/** A zip of `count` empty entries. */
export function manyEntries(count: number): Uint8Array {
  const files: Record<string, Uint8Array> = { "ppt/presentation.xml": strToU8("<p:presentation/>") };
  for (let i = 0; i < count; i += 1) files[`ppt/slides/s${i}.xml`] = new Uint8Array(0);
  return zipSync(files, { level: 0 });
}

/** Sheet XML with `rows` rows of `columns` numeric cells, as a real workbook writes it. */
export function sheetXml(rows: number, columns: number): string {
  const parts = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r += 1) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns; c += 1)
      row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}
