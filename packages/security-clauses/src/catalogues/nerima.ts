import { type Annotation, buildCatalogue, may, must, mustNot } from "../internal/build-catalogue.js";
import type { Catalogue, Tag } from "../provision.js";
import { nerimaAnnexRisks, nerimaTexts } from "./nerima-texts.generated.js";

const PI: readonly Tag[] = ["personal-information"];
const SUB: readonly Tag[] = ["subcontracting", "personal-information"];

const articleTags: Record<string, readonly Tag[]> = {
  "3": PI,
  "4": ["confidentiality"],
  "6": ["staff", "personal-information"],
  "7": ["staff", "personal-information"],
  "8": ["staff", "personal-information"],
  "9": ["staff", "training"],
  "10": ["training"],
  "11": ["confidentiality"],
  "12": PI,
  "13": ["confidentiality"],
  "14": ["confidentiality"],
  "15": ["subcontracting"],
  "16": ["subcontracting"],
  "17": ["transfer"],
  "18": ["recording-media"],
  "19": ["external-service"],
  "20": ["external-service"],
  "22": ["disposal"],
  "23": ["audit"],
  "24": ["audit"],
  "25": ["incident"],
  "26": ["incident"],
};

const sel = (action: string, options: Parameters<typeof must>[2] = {}) =>
  must("乙", action, { trigger: "重要情報を外部サービスで取り扱う場合", ...options });

const annotations: Record<string, Annotation> = {
  "nerima:2:1": { tags: ["confidentiality"] },
  "nerima:2:2": { tags: PI },
  "nerima:2:3": { tags: ["specific-personal-information", "personal-information"] },
  "nerima:2:4": { tags: ["external-service"] },
  "nerima:3:1": { obligations: [must("乙", "個人の権利利益を侵害することのないよう情報を適切に取り扱う")] },
  "nerima:4:1": {
    obligations: [must("乙", "善良なる管理者の注意をもって情報の機密性の確保に必要な措置を講じる")],
  },
  "nerima:5:1": {
    obligations: [
      must(
        "乙",
        "甲の定める手順等を遵守し、特記事項と同等以上のセキュリティ水準の規程を設ける等の措置を講じる",
        {
          trigger: "重要情報を取り扱う場合",
        },
      ),
    ],
  },
  "nerima:6:1": {
    obligations: [
      must("乙", "従事者から管理責任者を選任し、指定する書面により甲に提出する", {
        trigger: "個人情報を取り扱う場合",
        conditions: PI,
        due: { kind: "before", before: "work-start" },
        interpretation:
          "期限の定めはないが「本契約の履行に当たり」選任するため、個人情報を取り扱う事務の開始前と読む",
        evidence: "nerima/manager-appointment",
      }),
      may("乙", "甲の許可を得て従事者以外から管理責任者を選任する", { conditions: PI }),
    ],
  },
  "nerima:7:1": {
    obligations: [
      must("乙", "従事者の氏名、所属及び従事期間（開始日・終了予定日）を記録し、甲に書面で提出する", {
        trigger: "個人情報を取り扱う場合",
        conditions: PI,
        evidence: "nerima/staff-roster",
      }),
    ],
  },
  "nerima:8:1": {
    obligations: [
      must("乙", "管理責任者・従事者の書面の変更内容を甲に書面で提出する", {
        trigger: "提出した書面の内容に変更があったとき",
        conditions: PI,
        due: { kind: "promptly", after: "change" },
        evidence: "nerima/change-notice",
      }),
    ],
  },
  "nerima:9:1": {
    obligations: [
      must("乙", "管理責任者及び従事者に特記事項の内容を周知徹底する"),
      must("乙", "特記事項の遵守に必要な教育を行い、実施結果を指定する書面により甲に提出する", {
        trigger: "個人情報を取り扱う場合",
        conditions: PI,
        due: { kind: "after", after: "training" },
        evidence: "nerima/training-report",
      }),
    ],
  },
  "nerima:10:1": {
    obligations: [must("乙", "甲が実施する教育を受ける", { trigger: "甲が教育を実施するとき" })],
  },
  "nerima:11:1": {
    obligations: [mustNot("乙", "知り得た情報を第三者に漏らす（契約の終了・解除後も同様）")],
  },
  "nerima:12:1": {
    obligations: [
      must("乙", "個人情報の収集は必要な範囲内で適法かつ公正な手段により行う", { conditions: PI }),
    ],
  },
  "nerima:13:1": { obligations: [mustNot("乙", "情報を他の用途に使用する")] },
  "nerima:14:1": {
    obligations: [
      mustNot("乙", "情報を第三者に提供する"),
      may("乙", "甲が必要と認めた場合に重要情報を除く情報を第三者に提供する"),
    ],
  },
  "nerima:15:1": { obligations: [mustNot("乙", "甲が認めることなく受託業務を第三者に再委託する")] },
  "nerima:15:2": {
    tags: PI,
    obligations: [
      must("乙", "再委託先の安全管理措置を再委託契約の締結前に確認し、指定する書面により甲に提出する", {
        trigger: "再委託の業務内容に個人情報の取扱いが含まれる場合",
        conditions: SUB,
        due: { kind: "before", before: "subcontract-signed" },
        evidence: "nerima/subcontract-safeguards",
      }),
    ],
  },
  "nerima:15:3": { tags: PI },
  "nerima:15:3:1": {
    tags: PI,
    obligations: [
      must("乙", "再々委託等について甲の承認を得る（再々委託等を行う者）", {
        trigger: "個人情報を取り扱う再々委託等を行う場合",
        conditions: SUB,
        due: { kind: "before", before: "subcontract-signed" },
        evidence: "nerima/subsubcontract-approval",
      }),
    ],
  },
  "nerima:15:3:2": {
    tags: PI,
    obligations: [
      must("乙", "再々委託等の受託予定者の安全管理措置を契約締結前に確認し、指定する書面により甲に提出する", {
        trigger: "個人情報を取り扱う再々委託等を行う場合",
        conditions: SUB,
        due: { kind: "before", before: "subcontract-signed" },
        evidence: "nerima/subcontract-safeguards",
      }),
    ],
  },
  "nerima:15:3:3": {
    tags: PI,
    obligations: [
      must("乙", "承認申請を行ったことを再々委託等の元となる契約の委託者に通知する", {
        trigger: "個人情報を取り扱う再々委託等を行う場合",
        conditions: SUB,
        evidence: "nerima/subsubcontract-notice",
      }),
    ],
  },
  "nerima:16:1": {
    obligations: [
      must("乙", "再委託契約に特記事項と同等以上の規定を定める", { conditions: ["subcontracting"] }),
    ],
  },
  "nerima:16:2": {
    obligations: [
      must("乙", "再委託先に本契約の義務を遵守させ、履行状況を監督する", { conditions: ["subcontracting"] }),
    ],
  },
  "nerima:16:3": {
    tags: PI,
    obligations: [must("乙", "個人情報を取り扱う再々委託等にも前2項を準用する", { conditions: SUB })],
  },
  "nerima:17:1:1": { obligations: [must("乙", "情報の授受を管理責任者及び従事者に限定する")] },
  "nerima:17:1:2": {
    tags: ["recording-media", "encryption"],
    obligations: [
      must("乙", "記録媒体を郵送等により送付するときはデータを暗号化する", {
        trigger: "情報を格納した記録媒体を郵送等により送付するとき",
      }),
    ],
  },
  "nerima:17:1:3": {
    tags: ["recording-media"],
    obligations: [
      must("乙", "重要情報を格納した記録媒体は特定記録郵便等の追跡可能な手段で郵送する", {
        trigger: "重要情報を格納した記録媒体を郵送するとき",
      }),
    ],
  },
  "nerima:17:1:4": {
    tags: ["recording-media"],
    obligations: [
      must("乙", "受託業務で利用する記録媒体の送付の記録を管理簿により管理する", {
        trigger: "記録媒体を郵送するとき",
        evidence: "nerima/mailing-log",
      }),
    ],
  },
  "nerima:17:1:5": {
    obligations: [
      must("乙", "FAX送信は必要最小限とし、送信宛先の誤りに注意する", { trigger: "FAXで送信するとき" }),
    ],
  },
  "nerima:17:1:6": {
    tags: ["encryption"],
    obligations: [
      must("乙", "重要情報は添付ファイルとし、暗号化してメール送信する", {
        trigger: "重要情報をインターネットメールで送信するとき",
      }),
    ],
  },
  "nerima:17:1:7": {
    obligations: [
      must("乙", "重要情報を含む印刷物・文書は特定記録郵便又は親展表示で郵送する", {
        trigger: "重要情報を含む印刷物・文書を郵送するとき",
      }),
    ],
  },
  "nerima:18:1:1": {
    obligations: [mustNot("乙", "重要情報を甲が指定する履行場所から持ち出す（甲が必要と認めた場合を除く）")],
  },
  "nerima:18:1:2": {
    obligations: [
      must(
        "乙",
        "記録媒体の持出しを管理簿により記録・管理する（格納情報、持出し日時、持出者、承認者、用途、持出先、返却日時、返却確認者等）",
        { trigger: "受託業務で利用する記録媒体を持ち出すとき", evidence: "nerima/takeout-ledger" },
      ),
    ],
  },
  "nerima:18:1:3": {
    tags: ["encryption"],
    obligations: [must("乙", "持ち出す記録媒体のデータを暗号化する", { trigger: "記録媒体を持ち出すとき" })],
  },
  "nerima:18:1:4": { tags: [] },
  "nerima:18:1:4:1": { obligations: [must("乙", "IDとパスワード等による認証を実施する")] },
  "nerima:18:1:4:2": {
    obligations: [
      must("乙", "標的型攻撃等による重要情報の漏えいを防ぐ適切な措置を講じる", {
        trigger: "インターネットに接続された環境で重要情報を取り扱う場合",
      }),
    ],
  },
  "nerima:18:1:4:3": {
    tags: ["encryption"],
    obligations: [
      must("乙", "重要情報を暗号化する", {
        trigger: "インターネットに接続された環境で重要情報を取り扱う場合",
      }),
    ],
  },
  "nerima:18:1:4:4": {
    obligations: [must("乙", "ウィルス対策ソフトウェアを導入し、最新のパターンファイルに更新する")],
  },
  "nerima:18:1:4:5": {
    obligations: [
      must("乙", "OS・ソフトウェア・ミドルウェア等に修正プログラムを適用する", { due: { kind: "periodic" } }),
    ],
  },
  "nerima:18:1:4:6": {
    obligations: [mustNot("乙", "私物等の許可されていない機器・記録媒体を用い、又は業務用機器に接続する")],
  },
  "nerima:18:1:4:7": {
    obligations: [must("乙", "記録媒体を機器に接続するときはウィルスチェックを行う")],
  },
  "nerima:18:1:4:8": {
    obligations: [
      mustNot(
        "乙",
        "ファイル交換ソフトのある機器で情報を処理し、又は許可されていないソフトウェアをインストールする",
      ),
    ],
  },
  "nerima:18:1:5": {
    obligations: [mustNot("乙", "重要情報を目的外に複写・複製する（甲が必要と認めた場合を除く）")],
  },
  "nerima:18:1:6": {
    obligations: [must("乙", "重要情報を含む印刷物・文書及び記録媒体を施錠管理する")],
  },
  "nerima:18:1:7": {
    tags: ["disposal"],
    obligations: [
      must("乙", "廃棄する記録媒体等は物理的に破壊し、又は漏えいを来さない方法でデータを消去する", {
        trigger: "記録媒体等を廃棄する場合",
      }),
      must("乙", "記録媒体の廃棄の記録を管理簿により管理する", {
        trigger: "記録媒体を廃棄する場合",
        evidence: "nerima/disposal-log",
      }),
    ],
  },
  "nerima:18:1:8": {
    obligations: [must("乙", "記録媒体に保管する情報のアクセス管理を行う")],
  },
  "nerima:19:1": {
    obligations: [
      must(
        "乙",
        "重要情報を外部サービスで取り扱う場合は第2項以下を遵守する（通信・郵便・運送・金融機関、甲等が求めるサービスを除く）",
        {
          trigger: "重要情報を外部サービスで取り扱う場合",
          conditions: ["external-service"],
        },
      ),
    ],
  },
  "nerima:19:2:1": {
    obligations: [sel("日本法の範囲で運用され、国内の裁判所を合意管轄にできる提供者を選定する")],
  },
  "nerima:19:2:2": {
    obligations: [sel("リージョンを国内に指定でき、データが海外に保存されない提供者を選定する")],
  },
  "nerima:19:2:3": {
    obligations: [
      sel("サービス終了・変更時の事前通知（方法・期限）と移行方法を契約に規定できる提供者を選定する"),
    ],
  },
  "nerima:19:2:4": { obligations: [sel("対策不履行時の対処方法を契約又はSLAに定められる提供者を選定する")] },
  "nerima:19:2:5": {
    obligations: [sel("目的外のアクセス・利用をしないことを契約に定められる提供者を選定する")],
  },
  "nerima:19:2:6": {
    tags: ["audit", "certification"],
    obligations: [sel("公開資料・監査報告書・認証等から信頼性を総合的・客観的に評価できる提供者を選定する")],
  },
  "nerima:19:2:7": {
    tags: ["audit"],
    obligations: [sel("意図しない変更を防ぐ管理体制を公開資料・監査報告書で確認できる提供者を選定する")],
  },
  "nerima:19:2:8": {
    tags: ["incident"],
    obligations: [sel("インシデント対処の責任分担・連絡方法を契約又はSLAに定められる提供者を選定する")],
  },
  "nerima:19:3:1": { obligations: [sel("情報・機能ごとのアクセス制御ができるサービスを選定する")] },
  "nerima:19:3:2": {
    tags: ["encryption"],
    obligations: [
      sel("サービス内及び通信経路全般を電子政府推奨暗号リスト記載の方式で暗号化するサービスを選定する"),
    ],
  },
  "nerima:19:3:3": { obligations: [sel("必要なログを取得でき、取得可能なログの種類・範囲を確認する")] },
  "nerima:19:3:4": { obligations: [sel("ログの時刻・タイムゾーンが統一され、時刻同期方法を確認する")] },
  "nerima:19:3:5": {
    tags: ["encryption"],
    obligations: [sel("提供者の鍵管理機能を使う場合、鍵のライフサイクルを確認しリスクがないことを確認する")],
  },
  "nerima:19:3:6": {
    obligations: [sel("乙のネットワークが他の利用者から分離・論理的に独立しているサービスを選定する")],
  },
  "nerima:19:3:7": {
    obligations: [sel("仮想マシンのネットワーク分離を提供者の開示情報で確認できるサービスを選定する")],
  },
  "nerima:19:3:8": {
    tags: ["disposal"],
    obligations: [
      sel(
        "利用終了時にバックアップを含む全情報が確実に削除され、廃棄の実施報告書を提出できるサービスを選定する",
        {
          due: { kind: "at", event: "service-end" },
          evidence: "nerima/cloud-disposal-report",
        },
      ),
    ],
  },
  "nerima:19:3:9": {
    tags: ["disposal"],
    obligations: [sel("特殊なアカウントを資格情報を含めて廃棄できるサービスを選定する")],
  },
  "nerima:19:4": {
    obligations: [
      must("乙", "甲に外部サービスを提供する場合は甲の定める仕様を遵守する", {
        trigger: "乙が甲に外部サービスを提供する場合",
        conditions: ["external-service"],
      }),
    ],
  },
  "nerima:19:5": {
    obligations: [
      must("乙", "他の外部サービスを用いて提供する場合も甲の仕様と特記事項を遵守できるサービスを選定する", {
        trigger: "乙が他の外部サービスを用いて甲にサービスを提供する場合",
        conditions: ["external-service"],
      }),
    ],
  },
  "nerima:20:1": {
    obligations: [
      must("乙", "約款等から別表のリスクが許容できることを確認した上で外部サービスを利用する", {
        trigger: "重要情報以外の情報を外部サービスで取り扱う場合",
        conditions: ["external-service"],
      }),
    ],
  },
  "nerima:21:1": {
    obligations: [mustNot("乙", "甲の許可なく受託業務に必要のない物品等を履行場所へ持ち込む")],
  },
  "nerima:22:1": {
    obligations: [
      must("乙", "情報を甲の定めるところにより返還し、又は漏えいを来さない方法で確実に処分する", {
        due: { kind: "at", event: "contract-end" },
      }),
    ],
  },
  "nerima:22:2": {
    obligations: [
      must("乙", "返還又は処分の完了を証明する書類を甲に提出する", {
        trigger: "情報の返還又は処分を完了したとき",
        due: { kind: "at", event: "disposal" },
        evidence: "nerima/return-certificate",
      }),
    ],
  },
  "nerima:22:3": {
    obligations: [
      must("乙", "情報の廃棄を外部へ委託することについて、あらかじめ甲の承認を得る", {
        trigger: "契約期間中に情報の廃棄を外部へ委託する場合",
        due: { kind: "before", before: "disposal" },
        evidence: "nerima/disposal-outsourcing-approval",
      }),
      must("乙", "外部委託した廃棄の完了を証明する書類を甲に提出する", {
        trigger: "契約期間中に情報の廃棄を外部へ委託する場合",
        due: { kind: "at", event: "disposal" },
        evidence: "nerima/return-certificate",
      }),
    ],
  },
  "nerima:23:1": {
    obligations: [
      may("甲", "乙の情報の取扱状況を実地に調査し、説明・報告を求め、改善の指示を与える"),
      must("乙", "甲の求めに応じて情報の取扱状況を説明・報告する", {
        due: { kind: "on-request" },
        evidence: "nerima/status-report",
      }),
    ],
  },
  "nerima:23:2": {
    tags: ["external-service"],
    obligations: [
      must("乙", "第三者の監査人が発行する証明書や監査報告書を提出する", {
        trigger: "乙が外部サービス提供者で、甲による実地調査が困難な区域等があるとき",
        conditions: ["external-service"],
        due: { kind: "on-request" },
        evidence: "nerima/third-party-audit-report",
      }),
    ],
  },
  "nerima:23:3": {
    tags: ["subcontracting"],
    obligations: [may("甲", "再委託先等の遵守状況について乙に報告・説明を求め、改善の指示を与える")],
  },
  "nerima:24:1": {
    obligations: [must("乙", "「練馬区情報セキュリティに関する要綱」に基づく監査に協力する")],
  },
  "nerima:24:2": {
    tags: ["external-service"],
    obligations: [
      must("乙", "甲の監査に代えて第三者の監査人が発行する証明書や監査報告書を提出する", {
        trigger: "乙が外部サービス提供者で、甲による監査の実施が困難な区域等があるとき",
        conditions: ["external-service"],
        due: { kind: "on-request" },
        evidence: "nerima/third-party-audit-report",
      }),
    ],
  },
  "nerima:25:1:1": {
    obligations: [
      must("乙", "被害を最小限に抑える、又は被害を生じさせないための措置を講じる", {
        trigger: "事故等が生じた場合",
        due: { kind: "immediately", after: "incident" },
      }),
      must("乙", "事故等を甲に報告する", {
        trigger: "事故等が生じた場合",
        due: { kind: "immediately", after: "incident" },
        evidence: "nerima/incident-report",
      }),
    ],
  },
  "nerima:25:1:2": { obligations: [must("乙", "事故等の原因を分析する", { trigger: "事故等が生じた場合" })] },
  "nerima:25:1:3": {
    obligations: [must("乙", "事故等の再発防止策を実施する", { trigger: "事故等が生じた場合" })],
  },
  "nerima:25:1:4": {
    obligations: [
      must("乙", "事故等の記録を文書で提出する", {
        trigger: "事故等が生じた場合",
        due: { kind: "after", after: "incident" },
        evidence: "nerima/incident-record",
      }),
    ],
  },
  "nerima:25:2": {
    tags: ["subcontracting"],
    obligations: [
      must("乙", "再委託先等が前項各号を遵守するよう監督する（事故等の報告先は甲及び乙）", {
        conditions: ["subcontracting"],
      }),
    ],
  },
  "nerima:25:3": {
    tags: ["training"],
    obligations: [must("乙", "事故等の対応手順を確認し、又は訓練を行う", { due: { kind: "periodic" } })],
  },
  "nerima:26:1": { obligations: [may("甲", "事故等の内容（乙の名称を含む）を公表する")] },
  "nerima:27:1": { obligations: [must("乙", "義務違反により甲に与えた損害を賠償する")] },
  "nerima:28:1": { obligations: [may("甲", "乙が前各条に違反した場合に契約を解除する")] },
  "nerima:29:1": {
    obligations: [
      must("甲", "疑義・定めのない事項を乙と協議して定める"),
      must("乙", "疑義・定めのない事項を甲と協議して定める"),
    ],
  },
};

/**
 * Nerima's 情報の保護および管理に関する特記事項 (seed 002; the same clauses close seeds 000 and 001):
 * 29 articles, each paragraph, item and sub-item a provision with tags and obligations.
 *
 * @example
 * nerimaCatalogue.articles.length; // => 29
 * nerimaCatalogue.provisions.find((p) => p.id === "nerima:19:3:2")?.label; // => "第19条第3項第2号"
 */
export const nerimaCatalogue: Catalogue = buildCatalogue({
  id: "nerima",
  title: "情報の保護および管理に関する特記事項",
  ward: "練馬区",
  sources: ["002_e75b339a80024631.txt", "000_3fdf0f1bf526ab49.txt", "001_0bca18dbea2f17e7.txt"],
  texts: nerimaTexts,
  articleTags,
  annotations,
});

/**
 * 別表(第20条関係): the twelve risks to accept before using an external service for non-important information.
 *
 * @example
 * nerimaRisks.length; // => 12
 * nerimaRisks[7]?.text.startsWith("突然サービス停止"); // => true
 */
export const nerimaRisks = nerimaAnnexRisks;
