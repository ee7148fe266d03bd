import type { ContractInput } from "../contract-schema.js";

const s = (section: string, quote?: string) => ({ seed: "003", section, ...(quote ? { quote } : {}) });

/**
 * Seed 003 as written: Meguro ward's FY2026 nursery operating-cost clerical work (保育所運営費等事務業務委託), with
 * the seven programs of 業務一覧 and their yearly windows, and the April–May 出納整理期間.
 *
 * @example
 * meguroNursery2026Source.workItems.length; // => 10
 */
export const meguroNursery2026Source = {
  id: "meguro-nursery-2026",
  seed: "003",
  title: "保育所運営費等事務業務委託",
  ward: "目黒区",
  department: "子ども若者部保育課保育施設運営係",
  fiscalYear: 2026,
  source: s("1", "保育所運営費等事務業務委託"),
  period: {
    start: "令和8年4月1日",
    end: "令和9年3月31日",
    source: s("2", "令和8年4月1日から令和9年3月31日まで"),
  },
  places: [
    {
      name: "目黒区総合庁舎内において区が指定する場所",
      address: "目黒区上目黒 2-19-15",
      source: s("4", "目黒区総合庁舎内において区が指定する場所"),
    },
  ],
  calendar: {
    policy: {
      id: "meguro-ward",
      name: "目黒区（月～金 8時30分～17時15分。祝日、1/2・1/3、12/29～12/31 を除く）",
      // 12/29–12/31, 1/1 (元日, a national holiday) and 1/2–1/3: one year-end block.
      yearEnd: { from: "12-29", to: "01-03" },
      hours: { open: "08:30", close: "17:15" },
    },
    source: s("3", "毎週月曜日から金曜日の8時30分から17時15分まで"),
  },
  contact: {
    department: "目黒区子ども若者部保育課保育施設運営係",
    phone: "03-5722-8722",
    address: "〒153-8573 目黒区上目黒 2-19-15",
    source: s("17", "目黒区子ども若者部保育課保育施設運営係"),
  },
  events: [
    { name: "contract-concluded", label: "契約締結日" },
    { name: "incident", label: "事故の発生" },
    { name: "request", label: "区の求め" },
  ],
  workItems: [
    {
      id: "phone-inquiries",
      title: "問い合わせの一次対応",
      description: "運営係宛ての電話による問い合わせに FAQ に基づき回答し、必要に応じて区職員へ取り次ぐ",
      source: s("5-D-(1)", "宛てに入電した電話による問い合わせについて、受電対応を行うこと。"),
    },
    {
      id: "subsidy-review",
      title: "保育関連補助事業に係る内容審査",
      description:
        "保育システムで内容審査、データ入力、支出関連書類の作成。不足・修正があれば速やかに補正を依頼",
      source: s("5-E-(1)", "内容審査を行い、データ入力及び支出関連書類を作成し運営係職員へ提出すること。"),
    },
    {
      id: "closing-period-review",
      title: "前年度申請分の審査（出納整理期間）",
      description: "例年4月及び5月は出納整理期間のため、前年度申請分の審査等も含む",
      windows: [{ label: "出納整理期間", closingPeriod: true }],
      source: s(
        "業務一覧",
        "※ 例年 4 月及び 5 月は出納整理期間のため、前年度申請分の審査等も含むものとする。",
      ),
    },
    {
      id: "operating-costs",
      title: "運営費・法外援護費",
      description:
        "管内施設は月次（毎月及び精算月）で審査と随時の修正対応、管外施設は年次（3月末の1回、数園のみ月次）で審査と年度末精算へ向けたシステム入力",
      targets: [
        { name: "管内私立認可保育所", count: 84, unit: "園" },
        { name: "管内地域型保育事業", count: 12, unit: "園" },
        { name: "管外私立認可保育所", count: 63, unit: "園" },
        { name: "管外認定こども園", count: 7, unit: "園" },
        { name: "管外地域型保育事業", count: 5, unit: "園" },
      ],
      windows: [{ label: "管外施設の年次審査（3月末）", fromMonth: 3, toMonth: 3 }],
      note: "月次（毎月及び精算月）",
      source: s("業務一覧 1", "月次（毎月及び精算月）で運営費・法外援護費の審査業務"),
    },
    {
      id: "treatment-improvement",
      title: "処遇改善等加算適用申請",
      description: "各園から提出された認定申請区分1～3の審査",
      targets: [
        { name: "私立認可保育所", count: 84, unit: "園" },
        { name: "地域型保育事業", count: 12, unit: "園" },
      ],
      windows: [{ label: "認定申請", fromMonth: 9, toMonth: 11 }],
      source: s("業務一覧 2", "年次（認定申請：9～11 月）で各園から提出された認定申請区分 1～3 の審査業務"),
    },
    {
      id: "career-up",
      title: "保育士等キャリアアップ補助金",
      description: "交付申請様式及び実績報告様式の審査",
      targets: [
        { name: "私立認可保育所", count: 60, unit: "園" },
        { name: "地域型保育事業", count: 12, unit: "園" },
        { name: "認証保育所", count: 9, unit: "園" },
      ],
      windows: [
        { label: "交付申請", fromMonth: 1, toMonth: 1 },
        { label: "実績報告（6月以降）", fromMonth: 6, toMonth: 3, openEnded: true },
      ],
      source: s("業務一覧 3", "（交付申請：1 月、実績報告：6 月以降）"),
    },
    {
      id: "service-promotion",
      title: "保育サービス推進事業補助金",
      description: "交付申請様式及び実績報告様式の審査",
      targets: [
        { name: "私立認可保育所", count: 60, unit: "園" },
        { name: "地域型保育事業", count: 12, unit: "園" },
      ],
      windows: [
        { label: "交付申請", fromMonth: 3, toMonth: 4 },
        { label: "実績報告（6月以降）", fromMonth: 6, toMonth: 3, openEnded: true },
      ],
      source: s("業務一覧 4", "（交付申請：3～4 月、実績報告：6 月以降）"),
    },
    {
      id: "childcare-strengthening",
      title: "保育力強化事業補助金",
      description: "交付申請様式及び実績報告様式の審査",
      targets: [{ name: "認証保育所", count: 9, unit: "園" }],
      windows: [
        { label: "交付申請", fromMonth: 3, toMonth: 4 },
        { label: "実績報告（6月以降）", fromMonth: 6, toMonth: 3, openEnded: true },
      ],
      source: s("業務一覧 5", "(交付申請：3～4月、実績報告：6月以降)"),
    },
    {
      id: "rent-subsidy",
      title: "賃借料補助金",
      description: "交付申請様式及び実績報告様式の審査",
      targets: [
        { name: "私立認可保育所", count: 55, unit: "園" },
        { name: "地域型保育事業", count: 2, unit: "園" },
        { name: "認証保育所", count: 1, unit: "園" },
      ],
      windows: [
        { label: "交付申請", fromMonth: 1, toMonth: 1 },
        { label: "実績報告（5月以降）", fromMonth: 5, toMonth: 3, openEnded: true },
      ],
      source: s("業務一覧 6", "(交付申請：1月、実績報告：5月以降)"),
    },
    {
      id: "fee-tier",
      title: "保育料階層決定事務",
      description: "保護者への手続き案内、提出書類審査（特定個人情報を含む）、保育システム入力、電話対応",
      volumes: [{ amount: 500, per: "year", unit: "件", approximate: true }],
      windows: [{ label: "年次（7月～8月末）", fromMonth: 7, toMonth: 8 }],
      source: s(
        "業務一覧 7",
        "年次（7月～8月末）で、保護者への手続き案内、提出書類審査（特定個人情報を含む）、保育システム入力、電話対応",
      ),
    },
  ],
  deliverables: [
    {
      id: "work-record-report",
      category: "monthly-report",
      title: "業務記録報告書",
      description:
        "当月分の処理内容・件数・対応時間数、問い合わせ内容・件数・対応時間数等。提出をもって完了報告とする（10）",
      due: {
        kind: "day-of-month",
        id: "work-record-report",
        title: "業務記録報告書",
        day: 15,
        monthOffset: 1,
      },
      dueText: "翌月15日（閉庁日の場合、翌開庁日）まで",
      format: "電子データ",
      source: s("5-E-(4)", "を翌月 15 日（閉庁日の場合、翌開庁日）までに電子データで区へ提出すること。"),
    },
    {
      id: "daily-work-log",
      category: "daily-report",
      title: "作業日報",
      due: { kind: "every-open-day", id: "daily-work-log", title: "作業日報" },
      dueText: "毎日（提出期日は区と協議の上決定）",
      interpretation: "提出期日は区と協議の上決定するため、各開庁日の当日分として扱う",
      format: "電子データ",
      source: s(
        "5-F-(2)",
        "毎日の処理内容、担当した業務従事者氏名等を「作業日報」（任意様式、押印不要）として記録し",
      ),
    },
    {
      id: "manual-and-flow",
      category: "manual",
      title: "マニュアル及び業務フロー",
      dueText: "作成し運営係職員へ提出、制度改正等の際に改訂（期日の定めなし）",
      source: s(
        "5-E-(2)",
        "申請受付や内容審査に係る業務処理手順を記載したマニュアル及びフローを作成し、運営係職員へ提出すること。",
      ),
    },
    {
      id: "staff-notification",
      category: "staff-roster",
      title: "業務従事者等届",
      due: {
        kind: "immediately",
        id: "staff-notification",
        title: "業務従事者等届",
        anchor: { event: "contract-concluded" },
      },
      dueText: "契約締結後、速やかに",
      format: "電子データ",
      source: s(
        "5-B-(1)",
        "契約締結後、速やかに業務管理責任者及び業務従事者（以下「業務従事者等」という。）の氏名や必要事項を記載した「業務従事者等届」",
      ),
    },
    {
      id: "privacy-pledge",
      category: "other",
      title: "個人情報保護に関する誓約書",
      due: {
        kind: "immediately",
        id: "privacy-pledge",
        title: "個人情報保護に関する誓約書",
        anchor: { event: "contract-concluded" },
      },
      dueText: "契約締結後、速やかに教育・研修を実施し提出",
      source: s("5-B-(2)", "「個人情報保護に関する誓約書」（任意様式、押印不要）を徴し、区へ提出すること。"),
    },
    {
      id: "security-documents",
      category: "other",
      title: "機密情報の取扱いに関する報告・提出書類",
      due: {
        kind: "immediately",
        id: "security-documents",
        title: "機密情報の取扱いに関する提出書類",
        anchor: { event: "contract-concluded" },
      },
      dueText: "契約締結後、速やかに",
      format: "電子データ",
      source: s("6-(1)", "契約締結後、速やかに報告及び提出が必要な書類を電子データにて区宛て提出すること。"),
    },
    {
      id: "incident-report",
      category: "incident-report",
      title: "事故の連絡・書面報告",
      due: {
        kind: "immediately",
        id: "incident-report",
        title: "事故の連絡・書面報告",
        anchor: { event: "incident" },
      },
      dueText: "速やかに連絡、遅滞なく書面で報告",
      source: s("6-(2)", "速やかに区に対し連絡するとともに、遅滞なく書面をもってその状況を区に報告し"),
    },
    {
      id: "return-of-lent-materials",
      category: "other",
      title: "貸与を受けた業務フロー・業務手順書等の返還",
      due: { kind: "on-anchor", id: "return-of-lent-materials", anchor: { event: "contract-end" } },
      dueText: "業務終了と同時に",
      condition: "次期受託者が他の事業者に変更となる場合（契約解除による終了を含む）",
      source: s(
        "7",
        "貸与を受けた業務フロー、業務手順書、その他の物品等は、業務終了と同時に区へ返還すること。",
      ),
    },
    {
      id: "status-report-on-request",
      category: "other",
      title: "履行状況の報告（区の求めに応じて）",
      due: { kind: "immediately", id: "status-report-on-request", anchor: { event: "request" } },
      dueText: "区が必要に応じて求めたとき",
      interpretation: "期限の定めはないため、求めを受けた後直ちに対応すべき事項として扱う",
      source: s("16-(1)", "区は必要に応じ、履行状況の報告を求めることができ、受託者はこれに応じること。"),
    },
    {
      id: "handover-document",
      category: "handover-plan",
      title: "業務引継ぎ書",
      dueText: "区が指定する引継ぎ期間内",
      condition: "次期受託者が他の事業者に変更となる場合",
      format: "電子データ",
      source: s(
        "7",
        "契約期間終了後の当面の課題等を記載した「業務引継ぎ書」（任意様式、押印不要）を電子データで区へ提出すること。",
      ),
    },
  ],
  staffing: [
    {
      id: "manager",
      kind: "manager",
      title: "業務管理責任者",
      duties: [
        "区との連絡調整",
        "業務進行管理及び報告",
        "業務従事者配置の指示",
        "業務従事者の管理監督、指揮命令及び労務管理",
        "イレギュラー対応時の一次判断",
        "コンプライアンス遵守の確認",
        "情報セキュリティ管理",
        "リスク管理・危機対応計画の策定",
        "報告書・記録の精査",
        "資料の適切な保管及び管理",
        "品質管理・改善活動",
        "業務従事者への研修及び指導",
        "苦情・問い合わせ対応の一次窓口",
        "業務評価・フィードバック",
        "その他業務全体のマネジメント",
      ],
      note: "業務従事者との兼任可。ただし業務従事者が1名の場合は別途選任。引継ぎには必ず参加",
      source: s("5-A-(1)", "現場を適正に管理できる知識及び経験を有する「業務管理責任者」を配置すること。"),
    },
    {
      id: "deputy",
      kind: "deputy",
      title: "業務管理責任者代理",
      notices: [
        {
          id: "deputy-approval",
          title: "業務管理責任者代理の選任承諾",
          dueText: "選任する場合は事前に区と協議し承諾を得る",
          source: s(
            "5-B-(1)",
            "業務管理責任者代理を選任する場合は、別途区と協議し、事前にその承諾を得ること。",
          ),
        },
      ],
      source: s("5-A-(2)", "業務管理責任者が不在となる場合は事前に「業務管理責任者代理」を選任すること。"),
    },
    {
      id: "staff",
      kind: "staff",
      title: "業務従事者",
      note: "問い合わせ数の増加等に応じて人数を柔軟に調整",
      source: s("5-A-(2)", "並びに経験を有する「業務従事者」を配置すること。"),
    },
  ],
  payment: {
    frequency: "monthly",
    afterInspection: true,
    contractType: "総価契約",
    invoice: "検査後、当月分の費用について当月末締めで請求書を電子データにて提出",
    invoiceDue: {
      kind: "day-of-month",
      id: "invoice",
      title: "請求書（当月末締め）",
      day: 31,
      closedDay: "keep",
    },
    text: "毎月支払。毎月の業務記録報告書の提出をもって完了報告とし、区の検査を受ける",
    source: s(
      "10",
      "検査後、当月分の費用について当月末締めで「請求書」（任意様式、押印不要）を電子データにて区へ提出し",
    ),
  },
  clauseSets: [
    {
      catalogue: "meguro",
      title: "機密情報の取扱いに関する標準特記仕様書（別紙2）",
      source: s("6-(1)", "別紙 2「機密情報の取扱いに関する標準特記仕様書」を遵守するものとし"),
    },
  ],
  prohibitions: [
    {
      kind: "subcontracting",
      text: "本仕様書に記載の業務を行うに当たり、再委託することを禁止する。",
      clause: "meguro:7:1",
      source: s("12", "本仕様書に記載の業務を行うに当たり、再委託することを禁止する。"),
    },
    {
      kind: "taking-out",
      text: "本契約の履行において作成したメモ等は、履行場所から持ち出してはならず、履行場所内の保管場所に保管又は区へ廃棄依頼しなければならない。",
      clause: "meguro:11:2",
      source: s("5-F-(1)-イ", "本契約の履行において作成したメモ等は、履行場所から持ち出してはならず"),
    },
    {
      kind: "other-use",
      text: "本契約の履行において収集した情報を、区が貸与するパソコン以外の情報処理機器、通信機器等に入力及び送受信等を行ってはならない。",
      source: s(
        "5-F-(1)-ア",
        "区が貸与するパソコン以外の情報処理機器、通信機器等に入力及び送受信等を行ってはならない。",
      ),
    },
    {
      kind: "copying",
      text: "この契約による事務で取り扱う機密情報について、発注者の承認を得ずに複写、複製又は加工してはならない。",
      clause: "meguro:10:1",
      source: s("別紙2 第10条", "発注者の承認を得ずに複写、複製又は加工してはならない。"),
    },
    {
      kind: "confidentiality",
      text: "この契約による事務により知り得た機密情報をいかなる理由があっても第三者に漏らしてはならない。",
      clause: "meguro:2:1",
      source: s(
        "別紙2 第2条",
        "この契約による事務により知り得た機密情報をいかなる理由があっても第三者に漏らしてはならず",
      ),
    },
  ],
} satisfies ContractInput;
