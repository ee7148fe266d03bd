import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal .docx: paragraphs with optional heading levels (style ids as Japanese Word writes them). */
export function buildDocx(
  paragraphs: readonly { text: string; heading?: number }[],
  table?: string[][],
): Uint8Array {
  const body = paragraphs
    .map(({ text, heading }) => {
      const style = heading === undefined ? "" : `<w:pPr><w:pStyle w:val="${heading}"/></w:pPr>`;
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    })
    .join("");
  const tableXml =
    table === undefined
      ? ""
      : `<w:tbl>${table
          .map(
            (row) =>
              `<w:tr>${row.map((cell) => `<w:tc><w:p><w:r><w:t>${escapeXml(cell)}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr>`,
          )
          .join("")}</w:tbl>`;
  const headingStyles = [1, 2, 3]
    .map(
      (level) =>
        `<w:style w:type="paragraph" w:styleId="${level}"><w:name w:val="heading ${level}"/></w:style>`,
    )
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "word/styles.xml": strToU8(
      `${xmlHeader}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${headingStyles}</w:styles>`,
    ),
    "word/document.xml": strToU8(
      `${xmlHeader}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${tableXml}</w:body></w:document>`,
    ),
  });
}

/** A minimal .pptx: slides listed in presentation.xml in an order different from their file names. */
export function buildPptx(slides: readonly { lines: string[]; notes?: string[] }[]): Uint8Array {
  const ns =
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const paragraphs = (lines: readonly string[]): string =>
    lines.map((line) => `<a:p><a:r><a:rPr lang="ja-JP"/><a:t>${escapeXml(line)}</a:t></a:r></a:p>`).join("");
  const files: Record<string, Uint8Array> = {};
  // File names run backwards so the parser must follow presentation.xml's order, not the names.
  const fileNumber = (index: number): number => slides.length - index;
  slides.forEach((slide, index) => {
    const n = fileNumber(index);
    files[`ppt/slides/slide${n}.xml`] = strToU8(
      `${xmlHeader}<p:sld ${ns}><p:cSld><p:spTree><p:sp><p:txBody>${paragraphs(slide.lines)}<a:p><a:fld id="{1}" type="slidenum"><a:t>${index + 1}</a:t></a:fld></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    );
    const rels =
      slide.notes === undefined
        ? ""
        : `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide" Target="../notesSlides/notesSlide${n}.xml"/>`;
    files[`ppt/slides/_rels/slide${n}.xml.rels`] = strToU8(
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    );
    if (slide.notes !== undefined) {
      files[`ppt/notesSlides/notesSlide${n}.xml`] = strToU8(
        `${xmlHeader}<p:notes ${ns}><p:cSld><p:spTree><p:sp><p:txBody>${paragraphs(slide.notes)}</p:txBody></p:sp></p:spTree></p:cSld></p:notes>`,
      );
    }
  });
  files["ppt/presentation.xml"] = strToU8(
    `${xmlHeader}<p:presentation ${ns}><p:sldIdLst>${slides.map((_, index) => `<p:sldId id="${256 + index}" r:id="rId${index + 10}"/>`).join("")}</p:sldIdLst></p:presentation>`,
  );
  files["ppt/_rels/presentation.xml.rels"] = strToU8(
    `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${slides.map((_, index) => `<Relationship Id="rId${index + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide${fileNumber(index)}.xml"/>`).join("")}</Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
  );
  return zipSync(files);
}

/** A real .xlsx written by exceljs. */
export async function buildXlsx(
  sheets: Record<string, (string | number | Date | null)[][]>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A real PDF written by pdf-lib: one page per entry, `null` for a page with no text at all. */
export async function buildPdf(pages: readonly (string | null)[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([400, 300]);
    if (text !== null) page.drawText(text, { x: 40, y: 250, size: 12, font });
  }
  return pdf.save();
}

/** A PDF whose /Encrypt dictionary does not accept the empty user password: readers must ask for one. */
export function buildPasswordPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
