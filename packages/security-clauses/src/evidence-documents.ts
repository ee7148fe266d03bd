import { z } from "zod";
import type { Actor, CatalogueId } from "./provision.js";

const IDS = [
  "nerima/manager-appointment",
  "nerima/staff-roster",
  "nerima/change-notice",
  "nerima/training-report",
  "nerima/subcontract-safeguards",
  "nerima/subsubcontract-approval",
  "nerima/subsubcontract-notice",
  "nerima/mailing-log",
  "nerima/takeout-ledger",
  "nerima/disposal-log",
  "nerima/cloud-disposal-report",
  "nerima/return-certificate",
  "nerima/disposal-outsourcing-approval",
  "nerima/status-report",
  "nerima/third-party-audit-report",
  "nerima/incident-report",
  "nerima/incident-record",
  "nerima-ai/erasure-certificate",
  "meguro/privacy-policy",
  "meguro/certification",
  "meguro/cloud-certification",
  "meguro/datacenter-evidence",
  "meguro/security-rules",
  "meguro/staff-roster",
  "meguro/schedule",
  "meguro/network-diagram",
  "meguro/security-specification",
  "meguro/cloud-risk-measures",
  "meguro/copy-approval",
  "meguro/copy-erasure-report",
  "meguro/workplace-report",
  "meguro/take-out-consultation",
  "meguro/take-out-record",
  "meguro/offsite-server-approval",
  "meguro/server-check-report",
  "meguro/security-difficulty-report",
  "meguro/training-report",
  "meguro/system-records",
  "meguro/backup-method-notice",
  "meguro/receipt",
  "meguro/receipt-register",
  "meguro/transport-route-consultation",
  "meguro/disposal-record",
  "meguro/equipment-erasure-report",
  "meguro/status-report",
  "meguro/incident-report",
] as const;

/** Id of an evidence document (`<catalogue>/<slug>`). */
export const evidenceDocumentIdSchema = z.enum(IDS);
/** Id of an evidence document. */
export type EvidenceDocumentId = z.infer<typeof evidenceDocumentIdSchema>;

/**
 * A document an obligation produces: `submission` goes to 甲, `record` is a register 乙 keeps and shows on
 * request, `publication` is made public, `approval` is 甲's written consent 乙 must obtain.
 */
export interface EvidenceDocument {
  readonly id: EvidenceDocumentId;
  readonly catalogue: CatalogueId;
  readonly name: string;
  readonly kind: "submission" | "record" | "publication" | "approval";
  /** Who produces it. */
  readonly producer: Actor;
}

const d = (
  id: EvidenceDocumentId,
  name: string,
  kind: EvidenceDocument["kind"] = "submission",
): EvidenceDocument => ({
  id,
  catalogue: id.slice(0, id.indexOf("/")) as CatalogueId,
  name,
  kind,
  producer: "乙",
});

/** Every evidence document the catalogues refer to, by id. */
export const evidenceDocuments: Readonly<Record<EvidenceDocumentId, EvidenceDocument>> = Object.freeze({
  "nerima/manager-appointment": d("nerima/manager-appointment", "管理責任者選任届"),
  "nerima/staff-roster": d("nerima/staff-roster", "従事者名簿（氏名・所属・従事期間）"),
  "nerima/change-notice": d("nerima/change-notice", "管理責任者・従事者の変更届"),
  "nerima/training-report": d("nerima/training-report", "教育実施結果報告書"),
  "nerima/subcontract-safeguards": d("nerima/subcontract-safeguards", "再委託先の安全管理措置確認書"),
  "nerima/subsubcontract-approval": d("nerima/subsubcontract-approval", "再々委託等承認申請", "approval"),
  "nerima/subsubcontract-notice": d("nerima/subsubcontract-notice", "再々委託等承認申請の委託者への通知"),
  "nerima/mailing-log": d("nerima/mailing-log", "記録媒体送付管理簿", "record"),
  "nerima/takeout-ledger": d("nerima/takeout-ledger", "記録媒体持出管理簿", "record"),
  "nerima/disposal-log": d("nerima/disposal-log", "記録媒体廃棄管理簿", "record"),
  "nerima/cloud-disposal-report": d(
    "nerima/cloud-disposal-report",
    "外部サービスにおける情報の廃棄の実施報告書",
  ),
  "nerima/return-certificate": d("nerima/return-certificate", "情報の返還・処分証明書"),
  "nerima/disposal-outsourcing-approval": d(
    "nerima/disposal-outsourcing-approval",
    "情報の廃棄の外部委託承認",
    "approval",
  ),
  "nerima/status-report": d("nerima/status-report", "情報の取扱状況の説明・報告"),
  "nerima/third-party-audit-report": d("nerima/third-party-audit-report", "第三者監査人の証明書・監査報告書"),
  "nerima/incident-report": d("nerima/incident-report", "事故等の報告"),
  "nerima/incident-record": d("nerima/incident-record", "事故等の記録（文書）"),
  "nerima-ai/erasure-certificate": d("nerima-ai/erasure-certificate", "消去証明書"),
  "meguro/privacy-policy": d("meguro/privacy-policy", "個人情報保護方針（公表）", "publication"),
  "meguro/certification": d("meguro/certification", "ISMS認証又はプライバシーマークの登録証"),
  "meguro/cloud-certification": d("meguro/cloud-certification", "クラウドサービスの認証・保証報告書"),
  "meguro/datacenter-evidence": d("meguro/datacenter-evidence", "データセンターのティア3以上等を証する資料"),
  "meguro/security-rules": d(
    "meguro/security-rules",
    "情報セキュリティ及び機密情報保護に関する社内規程又は基準",
  ),
  "meguro/staff-roster": d("meguro/staff-roster", "従事者名簿"),
  "meguro/schedule": d("meguro/schedule", "実施スケジュールを明記した文書"),
  "meguro/network-diagram": d("meguro/network-diagram", "情報システムのネットワーク構成図"),
  "meguro/security-specification": d("meguro/security-specification", "情報システムのセキュリティ仕様書"),
  "meguro/cloud-risk-measures": d("meguro/cloud-risk-measures", "クラウドサービスの利用に係るリスク対策文書"),
  "meguro/copy-approval": d("meguro/copy-approval", "複写・複製・加工の通知と承認", "approval"),
  "meguro/copy-erasure-report": d(
    "meguro/copy-erasure-report",
    "複写等した機密情報の消去報告（日時・担当者・処理内容）",
  ),
  "meguro/workplace-report": d("meguro/workplace-report", "事務執行場所及び機密情報の管理状況の報告"),
  "meguro/take-out-consultation": d("meguro/take-out-consultation", "持出し時の安全管理措置の事前協議"),
  "meguro/take-out-record": d("meguro/take-out-record", "持出しの情報セキュリティ管理状況の記録", "record"),
  "meguro/offsite-server-approval": d(
    "meguro/offsite-server-approval",
    "サーバ等の区施設外設置の承認",
    "approval",
  ),
  "meguro/server-check-report": d(
    "meguro/server-check-report",
    "施設外サーバ等の情報セキュリティ対策状況報告",
  ),
  "meguro/security-difficulty-report": d(
    "meguro/security-difficulty-report",
    "情報セキュリティ対策の疑義・困難の報告",
  ),
  "meguro/training-report": d("meguro/training-report", "教育・訓練の実施状況報告"),
  "meguro/system-records": d("meguro/system-records", "情報システムの変更記録・アクセス記録", "record"),
  "meguro/backup-method-notice": d("meguro/backup-method-notice", "バックアップ手法の通知と承認", "approval"),
  "meguro/receipt": d("meguro/receipt", "預かり証"),
  "meguro/receipt-register": d("meguro/receipt-register", "機密情報の受領記録簿", "record"),
  "meguro/transport-route-consultation": d(
    "meguro/transport-route-consultation",
    "使送の運搬ルートの事前協議",
  ),
  "meguro/disposal-record": d("meguro/disposal-record", "機密情報の廃棄記録（日時・担当者・処理内容）"),
  "meguro/equipment-erasure-report": d(
    "meguro/equipment-erasure-report",
    "電子情報処理機器の消去報告（日時・担当者・処理内容）",
  ),
  "meguro/status-report": d("meguro/status-report", "情報セキュリティ管理状況及び事務の状況の報告"),
  "meguro/incident-report": d("meguro/incident-report", "事故・障害等の状況報告"),
});
