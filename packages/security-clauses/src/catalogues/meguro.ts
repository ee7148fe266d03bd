import { type Annotation, buildCatalogue, may, must, mustNot } from "../internal/build-catalogue.js";
import type { Catalogue, Obligation, Tag } from "../provision.js";
import { meguroTexts } from "./meguro-texts.generated.js";

const SPI: readonly Tag[] = ["specific-personal-information"];

const articleTags: Record<string, readonly Tag[]> = {
  "1": ["personal-information"],
  "2": ["confidentiality", "staff"],
  "4": ["personal-information"],
  "4-2": ["certification"],
  "4-3": ["certification", "external-service"],
  "4-4": ["certification", "external-service"],
  "6": ["staff"],
  "7": ["subcontracting"],
  "8": ["confidentiality"],
  "9": ["confidentiality"],
  "10": ["confidentiality"],
  "11": ["recording-media", "transfer"],
  "16": ["staff"],
  "17": ["staff"],
  "18": ["staff"],
  "19": ["training", "staff"],
  "20": ["audit"],
  "24-3": SPI,
  "24-4": SPI,
  "24-5": ["external-service"],
  "25": ["transfer"],
  "26": ["transfer", "encryption"],
  "27": ["confidentiality"],
  "28": ["disposal"],
  "30": ["disposal", "recording-media"],
  "31": ["audit"],
  "32": ["audit"],
  "33": ["audit"],
  "34": ["incident"],
  "35": ["incident"],
  "36": ["incident"],
  "39": ["incident"],
};

const afterSigning = (action: string, evidence: Obligation["evidence"], conditions?: readonly Tag[]) =>
  must("乙", action, {
    trigger: "契約締結後（提出後に内容の変更があった場合も同様）",
    due: { kind: "immediately", after: "contract-signed" },
    ...(evidence ? { evidence } : {}),
    ...(conditions ? { conditions } : {}),
  });

const incident = (event: string): Annotation => ({
  obligations: [
    must("乙", `${event}の状況を具体的に甲に報告し、協議の上で事故処理を行う`, {
      trigger: `${event}が発生した場合`,
      due: { kind: "promptly", after: "incident" },
      evidence: "meguro/incident-report",
    }),
  ],
});

const annotations: Record<string, Annotation> = {
  "meguro:1:1": {
    tags: SPI,
    obligations: [
      must("乙", "個人情報保護法等を遵守し、漏えい・滅失・毀損の防止等の安全管理措置を講じる", {
        trigger: "個人情報を取り扱うとき",
        conditions: ["personal-information"],
      }),
    ],
  },
  "meguro:1:2": {
    tags: ["confidentiality"],
    obligations: [must("乙", "目黒区情報セキュリティ基本方針を遵守し、機密情報を適正に取り扱う")],
  },
  "meguro:2:1": {
    obligations: [
      mustNot("乙", "知り得た機密情報を第三者に漏らす（異動・退職後、契約終了・解除後も同様）"),
      must("乙", "秘密保持を従事者に周知徹底する"),
    ],
  },
  "meguro:3:1": { obligations: [must("乙", "通知・報告・提出等は特段の定めがない限り書面で行う")] },
  "meguro:4:1": {
    obligations: [
      must("乙", "個人情報保護方針を公表している", {
        trigger: "個人情報を取り扱う場合",
        conditions: ["personal-information"],
        evidence: "meguro/privacy-policy",
      }),
    ],
  },
  "meguro:4-2:1": {
    obligations: [
      must("乙", "ISMS（ISO/IEC 27001）認証又はプライバシーマークの一方又は両方を取得している", {
        trigger: "機密情報を取り扱う場合",
        evidence: "meguro/certification",
      }),
    ],
  },
  "meguro:4-3:1": {
    obligations: [
      must(
        "乙",
        "指定された認証制度の認証を取得し、又は内部統制評価制度による審査を受けたクラウドサービスを利用する",
        {
          trigger: "クラウドサービスで機密情報を取り扱い、発注者の指定があるとき",
          conditions: ["external-service"],
          evidence: "meguro/cloud-certification",
        },
      ),
    ],
  },
  "meguro:4-4:1": {
    obligations: [
      must("乙", "JDCCティア3以上又は同等のデータセンターを利用し、個人情報を含むデータを日本国内に置く", {
        trigger: "データセンターで機密情報を取り扱う場合",
        conditions: ["external-service"],
        evidence: "meguro/datacenter-evidence",
      }),
    ],
  },
  "meguro:4-4:1:2": { tags: ["personal-information"] },
  "meguro:5:1": { obligations: [must("乙", "機密情報の収集は必要な範囲で適法かつ公正な手段による")] },
  "meguro:6:1:1": {
    obligations: [
      afterSigning(
        "情報セキュリティ及び機密情報保護に関する社内規程又は基準を提出する",
        "meguro/security-rules",
      ),
    ],
  },
  "meguro:6:1:2": {
    obligations: [
      afterSigning(
        "従事者名簿（責任者・取扱者の氏名・責任・役割・事務執行場所、媒体授受者、緊急時連絡先）を提出する",
        "meguro/staff-roster",
      ),
    ],
  },
  "meguro:6:1:3": {
    obligations: [afterSigning("実施スケジュールを明記した文書を提出する", "meguro/schedule")],
  },
  "meguro:6:2": { tags: SPI },
  "meguro:6:2:1": {
    tags: SPI,
    obligations: [
      afterSigning(
        "情報システムのネットワーク構成図を提出する（特定個人情報ファイルを取り扱う場合）",
        "meguro/network-diagram",
        SPI,
      ),
    ],
  },
  "meguro:6:2:2": {
    tags: SPI,
    obligations: [
      afterSigning(
        "情報システムのセキュリティ仕様書を提出する（特定個人情報ファイルを取り扱う場合）",
        "meguro/security-specification",
        SPI,
      ),
    ],
  },
  "meguro:6:3": {
    tags: ["external-service"],
    obligations: [
      afterSigning("クラウドサービスの利用に係るリスク対策文書を提出する", "meguro/cloud-risk-measures", [
        "external-service",
      ]),
    ],
  },
  "meguro:6:4": { obligations: [mustNot("乙", "届け出た従事者以外の者に機密情報を取り扱わせる")] },
  "meguro:7:1": {
    obligations: [mustNot("乙", "機密情報を取り扱う事務の全部又は一部を第三者（子会社を含む）に再委託する")],
  },
  "meguro:8:1": { obligations: [mustNot("乙", "機密情報を目的外に使用し、又は第三者に提供する")] },
  "meguro:9:1": {
    obligations: [mustNot("乙", "甲が提供・貸与した機器等の情報資産を目的外に使用し、又は第三者に提供する")],
  },
  "meguro:10:1": {
    obligations: [
      mustNot("乙", "甲の承認を得ずに機密情報を複写、複製又は加工する"),
      must("乙", "やむを得ず複写等するときは、あらかじめ甲に通知し承認を得る", {
        due: { kind: "before", before: "copy" },
        evidence: "meguro/copy-approval",
      }),
      must("乙", "事務終了後、複写等した機密情報を消去し、消去の日時・担当者・処理内容を甲に報告する", {
        trigger: "事務の終了後（引き続き契約する場合を除く）",
        due: { kind: "immediately", after: "work-end" },
        evidence: "meguro/copy-erasure-report",
      }),
    ],
  },
  "meguro:11:1": {
    obligations: [
      must("乙", "事務執行場所及び機密情報の管理状況を甲に報告する", {
        due: { kind: "before", before: "work-start" },
        evidence: "meguro/workplace-report",
      }),
    ],
  },
  "meguro:11:2": { obligations: [mustNot("乙", "甲の事前の承諾なく機密情報を事務執行場所から持ち出す")] },
  "meguro:11:3": {
    tags: ["encryption"],
    obligations: [
      must("乙", "持出しの安全管理措置（暗号化、鍵付きケース、セキュリティ便等）を事前に甲と協議する", {
        trigger: "機密情報を持ち出す必要がある場合",
        due: { kind: "before", before: "take-out" },
        evidence: "meguro/take-out-consultation",
      }),
    ],
  },
  "meguro:11:4": {
    obligations: [
      must("乙", "運搬・保管・廃棄等の各段階の情報セキュリティ管理状況と確認の記録を残す", {
        trigger: "機密情報の持出しを行う場合",
        evidence: "meguro/take-out-record",
      }),
    ],
  },
  "meguro:12:1": {
    obligations: [must("乙", "装置を災害等の影響を受けない場所に設置し、容易に取り外せない措置を講じる")],
  },
  "meguro:13:1": {
    obligations: [
      must("乙", "甲が運用するサーバ等を区の施設外に設置する場合は甲の承認を得る", {
        due: { kind: "before", before: "work-start" },
        evidence: "meguro/offsite-server-approval",
      }),
    ],
  },
  "meguro:13:2": {
    tags: ["audit"],
    obligations: [
      must("乙", "施設外のサーバ等の情報セキュリティ対策状況を確認する", { due: { kind: "periodic" } }),
      must("乙", "要請があれば確認結果を甲に報告する", {
        due: { kind: "on-request" },
        evidence: "meguro/server-check-report",
      }),
    ],
  },
  "meguro:14:1": {
    tags: ["staff"],
    obligations: [must("乙", "従事者に名札等の着用と身分証明書等の携帯を義務付け、求めに応じ提示させる")],
  },
  "meguro:15:1": {
    obligations: [
      must("乙", "パソコン等をセキュリティワイヤーで固定し、又は施錠可能なロッカー等に収納させる"),
    ],
  },
  "meguro:16:1": { obligations: [must("乙", "甲に提出した社内規程又は基準を遵守する")] },
  "meguro:16:2": {
    obligations: [
      must("乙", "疑義・遵守困難な点を甲に報告し、代替策を協議する", {
        trigger: "情報セキュリティ対策に疑義・遵守困難な点がある場合",
        due: { kind: "promptly", after: "change" },
        evidence: "meguro/security-difficulty-report",
      }),
    ],
  },
  "meguro:17:1": {
    obligations: [must("乙", "情報資産を適切に保管し、離席時にパスワードロック又はログオフを行う")],
  },
  "meguro:18:1": {
    obligations: [must("乙", "保守・運用業務の従事者にID・パスワードの取扱いに関する次の事項を遵守させる")],
  },
  "meguro:18:1:1": { obligations: [mustNot("乙", "自己のIDを他人に利用させる（共用指定時を除く）")] },
  "meguro:18:1:2": { obligations: [mustNot("乙", "共用IDを利用者以外に利用させる")] },
  "meguro:18:1:3": { obligations: [must("乙", "パスワードを秘密にし、照会に応じない")] },
  "meguro:18:1:4": { obligations: [mustNot("乙", "パスワードのメモを不用意に作成する")] },
  "meguro:18:1:5": { obligations: [must("乙", "パスワードを十分な長さの想像し難い文字列とする")] },
  "meguro:18:1:6": { obligations: [mustNot("乙", "パスワードを情報システム間で共有する")] },
  "meguro:18:1:7": { obligations: [mustNot("乙", "パスワードの記憶機能を利用する")] },
  "meguro:18:1:8": { obligations: [mustNot("乙", "従業者間でパスワードを共有する（共用指定時を除く）")] },
  "meguro:19:1": {
    obligations: [
      must("乙", "情報セキュリティ及び機密情報保護の教育と緊急時対応の訓練を計画的に実施する", {
        due: { kind: "periodic" },
      }),
      must("乙", "教育の実施状況等を甲に報告する", {
        due: { kind: "after", after: "training" },
        evidence: "meguro/training-report",
      }),
    ],
  },
  "meguro:20:1": {
    obligations: [
      must("乙", "変更記録・作業日時・実施者とアクセス記録等を取得し、甲が指定する期間保存する", {
        evidence: "meguro/system-records",
      }),
    ],
  },
  "meguro:21:1": {
    obligations: [must("乙", "ログを取得するサーバの時刻を正確に設定し、可能なら自動同期する")],
  },
  "meguro:22:1": {
    obligations: [
      must("乙", "重要度の高い機密情報のバックアップを取得する", { due: { kind: "periodic" } }),
      must("乙", "バックアップの手法を事前に甲に通知し承認を得る", {
        due: { kind: "before", before: "backup" },
        evidence: "meguro/backup-method-notice",
      }),
    ],
  },
  "meguro:23:1": {
    obligations: [
      must("乙", "開発・導入前に甲と協議して情報セキュリティの検証事項を定め、検証を実施する", {
        due: { kind: "before", before: "work-start" },
      }),
    ],
  },
  "meguro:24:1": {
    obligations: [
      must(
        "乙",
        "セキュリティホールの発見に努め、甲と協議の上で修正プログラムを適用し、不正プログラム対策を行う",
      ),
    ],
  },
  "meguro:24-2:1": { obligations: [must("乙", "開発・テスト環境と本番運用環境を分離する")] },
  "meguro:24-3:1": {
    obligations: [
      must("乙", "特定個人情報ファイルをインターネットから物理的又は論理的に分離された環境で取り扱う", {
        conditions: SPI,
      }),
    ],
  },
  "meguro:24-4:1": {
    obligations: [
      must("乙", "ログ分析等で不正アクセスを検知し、不正な構成変更を防止する", {
        due: { kind: "periodic" },
        conditions: SPI,
      }),
    ],
  },
  "meguro:24-5:1": {
    obligations: [
      must("乙", "クラウドサービスの利用に伴う情報セキュリティ上のリスクを回避する措置を講じる", {
        conditions: ["external-service"],
      }),
    ],
  },
  "meguro:25:1": {
    obligations: [
      must("乙", "機密情報を受領したら預かり証を甲に交付する", {
        due: { kind: "at", event: "receipt" },
        evidence: "meguro/receipt",
      }),
    ],
  },
  "meguro:25:2": {
    obligations: [
      must("乙", "受領日時、受領者名、機密情報の種類等の記録簿を作成する", {
        evidence: "meguro/receipt-register",
      }),
      must("乙", "要請があれば記録簿を甲に提示する", {
        due: { kind: "promptly", after: "request" },
        evidence: "meguro/receipt-register",
      }),
    ],
  },
  "meguro:26:1": {
    obligations: [
      must("乙", "電子メール等で送受信する場合の保護対策を事前に甲と協議し、講じる", {
        due: { kind: "before", before: "take-out" },
      }),
    ],
  },
  "meguro:26:2": { obligations: [must("乙", "郵送等では追跡できるサービスを活用する")] },
  "meguro:26:3": {
    obligations: [
      must("乙", "使送では施錠可能なケースで運搬し、運搬ルートを事前に甲と協議して遵守する", {
        due: { kind: "before", before: "take-out" },
        evidence: "meguro/transport-route-consultation",
      }),
    ],
  },
  "meguro:27:1": {
    obligations: [must("乙", "機密情報を厳格にアクセス制御し、施錠可能な金庫・ロッカー等に保管する")],
  },
  "meguro:28:1": {
    obligations: [
      must("乙", "受領・作成した機密情報と情報資産を甲に返却する", {
        due: { kind: "promptly", after: "work-end" },
      }),
    ],
  },
  "meguro:28:2": {
    obligations: [
      must(
        "乙",
        "返却不能な機密情報等は甲の了承のもと復元できない処置をして廃棄し、日時・担当者・処理内容を報告し記録を提出する",
        {
          due: { kind: "without-delay", after: "disposal" },
          evidence: "meguro/disposal-record",
        },
      ),
    ],
  },
  "meguro:28:3": {
    obligations: [
      must("乙", "保持の必要性が乏しい機密情報も前項と同様に廃棄し記録を提出する", {
        due: { kind: "without-delay", after: "disposal" },
        evidence: "meguro/disposal-record",
      }),
    ],
  },
  "meguro:29:1": {
    obligations: [
      must("乙", "作成を終えた機密情報を甲が指定した職員に引き渡す", {
        due: { kind: "immediately", after: "work-end" },
      }),
    ],
  },
  "meguro:30:1": {
    obligations: [
      must("乙", "修理・廃棄する機器の機密情報を事前に消去し、日時・担当者・処理内容を甲に報告する", {
        trigger: "電子情報処理機器を修理又は廃棄する場合",
        due: { kind: "promptly", after: "equipment-repair-or-disposal" },
        evidence: "meguro/equipment-erasure-report",
      }),
    ],
  },
  "meguro:30:2": {
    obligations: [
      must("乙", "次のいずれかの措置を行い、その旨を甲に事前に報告する（困難なら協議し承認を得る）", {
        due: { kind: "before", before: "equipment-repair-or-disposal" },
      }),
    ],
  },
  "meguro:31:1": {
    obligations: [
      must("乙", "情報セキュリティ管理状況と事務の状況を定期的に報告する", {
        due: { kind: "periodic" },
        evidence: "meguro/status-report",
      }),
      must("乙", "情報セキュリティ管理状況と事務の状況を事務の終了後に報告する", {
        due: { kind: "after", after: "work-end" },
        evidence: "meguro/status-report",
      }),
      must("乙", "発注者が必要と認めるときは、その都度報告する", {
        due: { kind: "on-request" },
        evidence: "meguro/status-report",
      }),
    ],
  },
  "meguro:32:1": {
    obligations: [
      must("乙", "情報セキュリティ管理状況を甲の求めに応じて報告する", {
        due: { kind: "on-request" },
        evidence: "meguro/status-report",
      }),
    ],
  },
  "meguro:32:2": { obligations: [may("甲", "機密情報の取扱いについて乙に必要な指示を行う")] },
  "meguro:32:3": { obligations: [must("乙", "甲が実施する監査又は検査を受け入れる")] },
  "meguro:33:1": { obligations: [must("乙", "業務執行場所への甲の職員の立入りを認める")] },
  "meguro:34:1": {
    obligations: [
      must("乙", "トラブル、災害、事故、機器の不良等の状況を甲に報告し、指示に従う", {
        trigger: "事務上のトラブル、災害、事故、機器の不良・故障・破損等が発生した場合",
        due: { kind: "promptly", after: "incident" },
        evidence: "meguro/incident-report",
      }),
    ],
  },
  "meguro:35:1": incident("次に掲げる事象"),
  "meguro:35:1:1": incident("機密情報の紛失"),
  "meguro:35:1:2": incident("機密情報の破壊"),
  "meguro:35:1:3": incident("機密情報の改ざん"),
  "meguro:35:1:4": incident("機密情報の漏えい"),
  "meguro:35:1:5": incident("不正アクセス"),
  "meguro:35:1:6": incident("情報セキュリティ基本方針及び仕様書の違反"),
  "meguro:35:1:7": incident("情報セキュリティに悪影響を及ぼす事象"),
  "meguro:36:1": { obligations: [may("甲", "乙の責による事象が発生したときに契約を解除する")] },
  "meguro:37:1": { obligations: [must("乙", "事前に合意したサービスレベルを保証する")] },
  "meguro:38:1": { obligations: [must("乙", "違反・不履行により甲又は第三者に生じた損害を賠償する")] },
  "meguro:39:1": { obligations: [may("甲", "機密情報の事故の事実を公表する")] },
  "meguro:40:1": {
    obligations: [
      must("甲", "疑義・定めのない事項を乙と協議して定める"),
      must("乙", "疑義・定めのない事項を甲と協議して定める"),
    ],
  },
};

/**
 * Meguro's 機密情報の取扱いに関する標準特記仕様書 (seed 003, after the nursery specification): articles 1–40
 * with 第4条の2–第4条の4 and 第24条の2–第24条の5, 「受注者」 as 乙 and 「発注者」 as 甲.
 *
 * @example
 * meguroCatalogue.articles.length; // => 47 (40 numbered articles and 7 branch articles)
 * meguroCatalogue.articles.includes("24-5"); // => true
 */
export const meguroCatalogue: Catalogue = buildCatalogue({
  id: "meguro",
  title: "機密情報の取扱いに関する標準特記仕様書",
  ward: "目黒区",
  sources: ["003_8372b8f1eeb6231a.txt"],
  texts: meguroTexts,
  articleTags,
  annotations,
});
