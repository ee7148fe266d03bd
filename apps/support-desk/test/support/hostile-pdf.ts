/**
 * A PDF whose page tree lists the same page `references` times (`/Kids [3 0 R 3 0 R …]`, `/Count`
 * equal to it): about 6 bytes per reference, so 300,000 references make a 1.8 MB file. pdf.js walks
 * the tree once per page, so parsing it takes time growing with the square of the references.
 */
export function buildPageBombPdf(references: number, count = references): Uint8Array {
  const kids = "3 0 R ".repeat(references);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
  ];
  let body = "%PDF-1.7\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
