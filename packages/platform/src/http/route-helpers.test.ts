import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import type { PlatformEnv } from "./env.js";
import { fileResponse, idParam, uploadedFiles, XLSX_MIME_TYPE } from "./route-helpers.js";

const app = new Hono<PlatformEnv>()
  .get("/items/:id", (c) => c.text(String(idParam(c, "id"))))
  .get("/files/:name", (c) => fileResponse(c, new Uint8Array([1, 2, 3]), c.req.param("name")))
  .onError((error, c) => c.text(isPlatformError(error) ? error.code : "other", 404));

describe("idParam", () => {
  it("reads a positive integer and answers NOT_FOUND for anything else", async () => {
    expect(await (await app.request("/items/12")).text()).toBe("12");
    for (const bad of ["0", "-3", "1.5", "x", "99999999999999999999"]) {
      expect(await (await app.request(`/items/${bad}`)).text()).toBe("NOT_FOUND");
    }
  });
});

describe("fileResponse", () => {
  it("shows a PDF inline and saves CSV and Excel as attachments", async () => {
    const pdf = await app.request("/files/a.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('inline; filename="a.pdf"');
    const csv = await app.request("/files/b.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="b.csv"');
    const xlsx = await app.request("/files/c.xlsx");
    expect(xlsx.headers.get("content-type")).toBe(XLSX_MIME_TYPE);
    expect(new Uint8Array(await xlsx.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe("uploadedFiles", () => {
  it("reads every chosen file of a field and skips an empty choice", async () => {
    const files = await uploadedFiles(
      {
        file: [new File(["a,b"], "one.csv", { type: "text/csv" }), new File([], "")],
        other: "text",
      },
      "file",
    );
    expect(files).toEqual([
      { name: "one.csv", contentType: "text/csv", data: new TextEncoder().encode("a,b") },
    ]);
    expect(await uploadedFiles({}, "file")).toEqual([]);
  });

  it("refuses a file name with a line break (BAD_REQUEST), which would split headers and logs", async () => {
    let caught: unknown;
    try {
      await uploadedFiles({ file: new File(["x"], "a\r\nSet-Cookie: x.csv") }, "file");
    } catch (error) {
      caught = error;
    }
    expect(isPlatformError(caught, "BAD_REQUEST")).toBe(true);
  });
});
