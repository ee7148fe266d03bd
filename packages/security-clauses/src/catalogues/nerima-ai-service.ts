import { buildCatalogue, must } from "../internal/build-catalogue.js";
import type { Catalogue, ProvisionText } from "../provision.js";

const caption = "セキュリティ対策";

// Seed 001, 別紙1 「生成AIサービスの仕様・セキュリティ対策等」 2: four lines, transcribed by hand.
const texts: readonly ProvisionText[] = [
  {
    id: "nerima-ai:2:1:1",
    article: "2",
    paragraph: 1,
    item: 1,
    marker: "(1)",
    caption,
    text: "本サービスで使用するサーバおよびデータの保管場所は、日本国内に限ること。",
  },
  {
    id: "nerima-ai:2:1:2",
    article: "2",
    paragraph: 1,
    item: 2,
    marker: "(2)",
    caption,
    text: "入力した情報が、本区利用外の環境における学習に利用されないこと。",
  },
  {
    id: "nerima-ai:2:1:3",
    article: "2",
    paragraph: 1,
    item: 3,
    marker: "(3)",
    caption,
    text: "利用するデータは閉鎖領域で管理され、外部に漏れないこと。",
  },
  {
    id: "nerima-ai:2:1:4",
    article: "2",
    paragraph: 1,
    item: 4,
    marker: "(4)",
    caption,
    text: "契約終了時には、管理されたデータは全て消去し、契約終了後 30 日以内に消去証明書を提出すること。",
  },
];

/**
 * Seed 001 (Nerima generative-AI service) 別紙1 2 「セキュリティ対策」: the contract-specific clauses that
 * add to Nerima's 特記事項, including the erasure certificate due 30 days after the contract ends.
 *
 * @example
 * nerimaAiServiceCatalogue.provisions[3]?.obligations[1]?.due;
 * // => { kind: "within-days", days: 30, after: "contract-end" }
 */
export const nerimaAiServiceCatalogue: Catalogue = buildCatalogue({
  id: "nerima-ai",
  title: "生成AIサービスの仕様・セキュリティ対策等（別紙1 2 セキュリティ対策）",
  ward: "練馬区",
  sources: ["001_0bca18dbea2f17e7.txt"],
  texts,
  articleTags: { "2": ["external-service"] },
  annotations: {
    "nerima-ai:2:1:1": {
      obligations: [must("乙", "サーバ及びデータの保管場所を日本国内に限る")],
    },
    "nerima-ai:2:1:2": {
      obligations: [must("乙", "入力情報を本区利用外の環境の学習に利用させない")],
    },
    "nerima-ai:2:1:3": {
      obligations: [must("乙", "データを閉鎖領域で管理し、外部に漏らさない")],
    },
    "nerima-ai:2:1:4": {
      tags: ["disposal"],
      obligations: [
        must("乙", "管理されたデータを全て消去する", { due: { kind: "at", event: "contract-end" } }),
        must("乙", "消去証明書を提出する", {
          due: { kind: "within-days", days: 30, after: "contract-end" },
          evidence: "nerima-ai/erasure-certificate",
        }),
      ],
    },
  },
});
