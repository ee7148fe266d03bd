import { describe, it } from "vitest";
import { createBm25Index, decodeBm25Index } from "./bm25-index.js";
import { searchIndexContract } from "./contract/index.js";

describe("createBm25Index meets the SearchIndex contract", () => {
  for (const contractCase of searchIndexContract) {
    it(contractCase.name, async () => contractCase.run(createBm25Index()));
  }
});

describe("an index decoded from its bytes meets the SearchIndex contract", () => {
  for (const contractCase of searchIndexContract) {
    it(contractCase.name, async () => contractCase.run(decodeBm25Index(createBm25Index().encode())));
  }
});
