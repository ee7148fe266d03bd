import type { ContractInput } from "../contract-schema.js";

const s = (section: string, quote?: string) => ({ seed: "001", section, ...(quote ? { quote } : {}) });

/**
 * Seed 001 as written: Nerima ward's FY2026 generative-AI service with RAG (令和8年度練馬区生成AIサービス導入運用委託).
 * Its period starts the day after the contract is confirmed (`contract-confirmed`, a date known later).
 *
 * @example
 * nerimaAiService2026Source.period.start; // => { after: "contract-confirmed", days: 1, written: "契約確定日の翌日" }
 */
export const nerimaAiService2026Source = {
  id: "nerima-ai-service-2026",
  seed: "001",
  title: "令和 8 年度練馬区生成 AI サービス導入運用委託",
  ward: "練馬区",
  department: "企画部情報政策課 DX 推進担当係",
  fiscalYear: "令和 8 年度",
  source: s("1", "令和 8 年度練馬区生成 AI サービス導入運用委託"),
  period: {
    start: { after: "contract-confirmed", days: 1, written: "契約確定日の翌日" },
    end: "令和 9 年 3 月 31 日",
    source: s("2", "契約確定日の翌日から令和 9 年 3 月 31 日まで"),
  },
  places: [
    {
      name: "練馬区役所中村北分館",
      address: "練馬区中村北 1 - 6 - 7",
      source: s("3", "練馬区役所中村北分館（練馬区中村北 1 - 6 - 7）"),
    },
    { name: "区が指定する場所", source: s("3", "ほか、区が指定する場所") },
  ],
  calendar: {
    policy: {
      id: "nerima-ward",
      name: "練馬区（土・日曜、祝休日、年末年始 12/29～1/3 を除く平日 9時～17時）",
      yearEnd: { from: "12-29", to: "01-03" },
      hours: { open: "09:00", close: "17:00" },
    },
    source: s("6-(3)-イ", "※土・日曜、祝休日、年末年始（12/29～1/3）を除く。"),
  },
  contact: {
    department: "練馬区企画部情報政策課 DX 推進担当係",
    names: ["瀬口"],
    phone: "03 (3825) 0211/03-5984-4529",
    email: "JOKAN02@city.nerima.tokyo.jp",
    source: s("9", "JOKAN02@city.nerima.tokyo.jp"),
  },
  events: [
    { name: "contract-confirmed", label: "契約確定日" },
    { name: "incident", label: "事故等の発生" },
  ],
  workItems: [
    {
      id: "environment",
      title: "システム環境の整備",
      description: "生成AIサービスを利用できる環境を整備する",
      source: s("6-(1)", "生成 AI サービスを利用できる環境を整備する。"),
    },
    {
      id: "product",
      title: "製品の提供",
      description: "「生成AIサービス」を提供する",
      source: s("6-(2)", "乙は、甲に「生成 AI サービス」の提供を行う。"),
    },
    {
      id: "support-structure",
      title: "運用・保守・サポート体制",
      description: "生成AIアプリ作成を支援できる体制と、即時に対応できる運用体制",
      source: s("6-(3)-ア", "生成 AI アプリ作成を支援できる体制が確保されていること。"),
    },
    {
      id: "inquiries",
      title: "問合せ対応",
      description: "使用方法に関する問い合わせに電話等で対応（平日9時～17時、受付は24時間365日）",
      note: "問い合わせの回数に制限なし",
      source: s("6-(3)-イ", "乙は、甲からの使用方法に関する問い合わせに対し、電話等による対応を行うこと。"),
    },
    {
      id: "accounts",
      title: "アカウント管理",
      description: "アカウントの初期登録および職員の異動等に伴う変更管理を支援する",
      targets: [
        { name: "利用可能アカウント（以上）", count: 1_500, unit: "アカウント" },
        { name: "同時接続（以上）", count: 100, unit: "アカウント" },
      ],
      source: s("6-(3)-エ", "1,500 アカウント以上の利用が可能であること。"),
    },
    {
      id: "prompts",
      title: "プロンプトの随時作成",
      description: "甲の業務に適応可能なプロンプトを要望に応じ作成する",
      volumes: [{ amount: 20, per: "year", unit: "件", approximate: true }],
      note: "月1～2回",
      source: s("6-(3)-オ", "※頻度は、月 1～2 回、年間 20 件程度を想定。"),
    },
    {
      id: "data-linkage",
      title: "データ連携機能の管理・支援",
      description: "データフォルダの作成、アクセス権限の設定、ファイルアップロードの支援",
      source: s("6-(3)-カ", "乙は、次のデータ連携機能の利用に必要な管理業務を行う。"),
    },
    {
      id: "version-up",
      title: "バージョンアップ",
      description: "バージョンアップ版が公開された場合、事前に区と協議の上、無償でバージョンアップする",
      source: s(
        "6-(3)-キ",
        "バージョンアップ版が公開された場合、事前に区と協議の上、無償でバージョンアップすること。",
      ),
    },
  ],
  deliverables: [
    {
      id: "service-start",
      category: "other",
      title: "サービスの提供開始",
      dueText: "契約確定日の翌日から概ね1か月以内",
      interpretation: "「概ね1か月」は目安のため期日としては扱わない",
      source: s("2", "サービスの提供開始は契約確定日の翌日から概ね 1 か月以内とする。"),
    },
    {
      id: "operation-manual",
      category: "manual",
      title: "操作マニュアル等（最新版）",
      dueText: "最新版を提供（期日の定めなし）",
      source: s("6-(3)-ウ", "乙は、サービスに関する操作マニュアル等を作成し、甲へ最新版を提供すること。"),
    },
    {
      id: "intro-training",
      category: "other",
      title: "職員向け生成AI活用研修",
      dueText: "導入直後",
      source: s(
        "6-(3)-ク",
        "導入直後に生成 AI の活用方法と基本操作、効果的な使用について学ぶための研修を実施すること。",
      ),
    },
    {
      id: "trainings-by-end",
      category: "other",
      title: "生成AI活用研修・RAG技術研修（各1回以上）",
      due: { kind: "date", id: "trainings-by-end", title: "研修（各1回以上）", date: "令和 9 年 3 月 31 日" },
      dueText: "契約期間内でそれぞれ1回以上",
      source: s("6-(3)-ク", "上記研修を契約期間内でそれぞれ 1 回以上実施すること。"),
    },
    {
      id: "training-materials",
      category: "other",
      title: "研修資料（電子データ）",
      dueText: "期日の定めなし",
      source: s("6-(3)-ク", "上記研修資料を電子データで提供すること。"),
    },
    {
      id: "erasure-certificate",
      category: "certificate",
      title: "消去証明書",
      clauses: ["nerima-ai:2:1:4#2"],
      due: {
        kind: "calendar-days-after",
        id: "erasure-certificate",
        title: "消去証明書",
        days: 30,
        anchor: { event: "contract-end" },
      },
      dueText: "契約終了後30日以内",
      source: s("別紙1 2-(4)", "契約終了後 30 日以内に消去証明書を提出すること。"),
    },
    {
      id: "staff-roster",
      category: "staff-roster",
      title: "従事者名簿（氏名・所属・従事期間）",
      dueText: "書面で提出（期日の定めなし）",
      clauses: ["nerima:7:1#1"],
      source: s(
        "別紙2 特記事項第7条",
        "従事者の氏名、所属および受託業務への従事期間(開始日および終了予定日)を記録し、甲に書面で提出しなければならない。",
      ),
    },
    {
      id: "incident-report",
      category: "incident-report",
      title: "事故等の報告",
      clauses: ["nerima:25:1:1#2"],
      due: {
        kind: "immediately",
        id: "incident-report",
        title: "事故等の報告",
        anchor: { event: "incident" },
      },
      dueText: "直ちに甲に報告",
      source: s(
        "別紙2 特記事項第25条第1項第1号",
        "直ちに被害を最小限に抑えるための措置または被害を生じさせないための措置を講じるとともに、甲に報告すること。",
      ),
    },
  ],
  staffing: [
    {
      id: "contact",
      kind: "contact",
      title: "区との連絡窓口",
      duties: ["即時に対応できる運用体制"],
      source: s("6-(3)-ア", "区との連絡窓口を明確化し、即時に対応できる運用体制が構築されていること。"),
    },
    {
      id: "manager",
      kind: "manager",
      title: "管理責任者（個人情報）",
      notices: [
        {
          id: "manager-appointment",
          title: "管理責任者の選任届",
          dueText: "指定する書面により甲に提出（期日の定めなし）",
          clauses: ["nerima:6:1#1"],
          source: s(
            "別紙2 特記事項第6条",
            "個人情報の管理に責任を持つ者(以下「管理責任者」という。)を選任し",
          ),
        },
      ],
      source: s("別紙2 特記事項第6条", "個人情報の管理に責任を持つ者(以下「管理責任者」という。)を選任し"),
    },
  ],
  payment: {
    frequency: "monthly",
    afterInspection: false,
    invoice: "適法な支払請求を受けてから速やかに支払う",
    text: "毎月 1 日から月末までの月払いとし、適法な支払請求を受けてから速やかに支払う。",
    source: s("7", "毎月 1 日から月末までの月払いとし、適法な支払請求を受けてから速やかに支払う。"),
  },
  clauseSets: [
    {
      catalogue: "nerima",
      title: "情報の保護および管理に関する特記事項（別紙2）",
      source: s("8-(1)", "別紙 2「情報の保護および管理に関する特記事項」を遵守すること。"),
    },
    {
      catalogue: "nerima-ai",
      title: "生成AIサービスのセキュリティ対策（別紙1 2）",
      provisions: ["nerima-ai:2:1:1", "nerima-ai:2:1:2", "nerima-ai:2:1:3", "nerima-ai:2:1:4"],
      source: s("別紙1 2", "本サービスで使用するサーバおよびデータの保管場所は、日本国内に限ること。"),
    },
  ],
  prohibitions: [
    {
      kind: "subcontracting",
      text: "乙は、受託業務について、第三者に再委託してはならない。",
      exception: "ただし、甲が認めた場合は、この限りでない。",
      clause: "nerima:15:1",
      source: s("別紙2 特記事項第15条", "乙は、受託業務について、第三者に再委託してはならない。"),
    },
    {
      kind: "other-use",
      text: "入力した情報が、本区利用外の環境における学習に利用されないこと。",
      clause: "nerima-ai:2:1:2",
      source: s("別紙1 2-(2)", "入力した情報が、本区利用外の環境における学習に利用されないこと。"),
    },
    {
      kind: "copying",
      text: "重要情報を本契約の履行以外の目的のため、複写または複製してはならない。",
      exception: "ただし、甲が必要と認めた場合は、この限りでない。",
      clause: "nerima:18:1:5",
      source: s(
        "別紙2 特記事項第18条第5号",
        "重要情報を本契約の履行以外の目的のため、複写または複製してはならない。",
      ),
    },
    {
      kind: "taking-out",
      text: "重要情報を甲が指定する履行場所から持ち出さないこと。",
      exception: "ただし、甲が必要と認めた場合は、この限りではない。",
      clause: "nerima:18:1:1",
      source: s("別紙2 特記事項第18条第1号", "重要情報を甲が指定する履行場所から持ち出さないこと。"),
    },
  ],
  slaPolicies: [
    {
      policy: {
        id: "nerima-ai-inquiries",
        name: "問い合わせ対応",
        calendar: "nerima-ward",
        counting: { model: "day-based" },
        goals: [
          { metric: "first-response", amount: 2, unit: "business-days", stop: ["responded", "resolved"] },
          { metric: "answer", amount: 3, unit: "business-days", stop: ["resolved"] },
        ],
      },
      summary:
        "問い合わせに対し2営業日以内に一次対応、3営業日以内に回答（窓口は平日9時～17時、受付は24時間365日）",
      source: s("6-(3)-イ", "問い合わせに対し、2 営業日以内に一次対応、回答は 3 営業日以内に行うこと。"),
    },
  ],
} satisfies ContractInput;
