import { html, type PlatformEnv, renderPage } from "@ward/platform";
import type { Hono } from "hono";

/** Options of {@link registerHelpRoutes}: the contractor's support desk, shown under 問い合わせ先. */
export interface HelpOptions {
  /** e.g. `サポート窓口 03-0000-0000 / support@example.jp`; from `WARD_HELP_CONTACT`. */
  readonly contact?: string;
}

/** Registers `/help`: the staff guide (別紙1 1(10) ヘルプページ等サービス内での公開). */
export function registerHelpRoutes(app: Hono<PlatformEnv>, options: HelpOptions = {}): void {
  app.get("/help", (c) =>
    renderPage(c, {
      title: "使い方ガイド",
      body: html`<link rel="stylesheet" href="/support-desk/app.css">
<div class="help">
<p>このサービスは、各課が登録した資料（規程、マニュアル、通知、Q&amp;Aなど）から質問に関係する箇所を探し、
生成AIがその箇所をもとに回答を作ります。回答には必ず根拠とした資料と箇所（出典）が番号つきで示されます。</p>

<h2 id="ask">質問のしかた</h2>
<ol>
<li>メニューの「<a href="/chat">チャット</a>」を開き、「質問」欄に知りたいことを文章で入力して「質問する」を押します。</li>
<li>対象の資料が決まっているときは「検索するフォルダ」で絞り込むと、関係のない資料が混ざりにくくなります。</li>
<li>「住民票の写しの手数料はいくらですか」のように、<strong>何について・何を知りたいか</strong>を具体的に書くと良い結果になります。
制度名や様式名など、資料に書かれている言葉を使うと見つかりやすくなります。</li>
<li>続けて質問すると、同じチャットの前のやり取りを踏まえて回答します。話題を変えるときは「新しいチャットを始める」を押してください。</li>
<li>文書ファイル（テキスト、Word、PDF、PowerPoint、Excel、CSV）を添付すると、その内容も参考にして回答します。添付ファイルは資料として登録されません。</li>
<li>過去のチャットは左側の「過去のチャット」からいつでも開き直せます。ほかの職員からは見えません。</li>
</ol>

<h2 id="citations">出典（引用）の見かた</h2>
<ul>
<li>回答の文中の <code>[1]</code> <code>[2]</code> は、下の「出典」の番号に対応します。</li>
<li>出典をクリックすると資料が開き、該当するページ（PDF）、スライド（PowerPoint）、シートと行（Excel・CSV）、見出し（Word・テキスト）が強調表示されます。
「元のファイルを開く」で登録された原本も確認できます。</li>
<li><strong>生成AIの回答は誤ることがあります。</strong>窓口での案内や文書の作成に使うときは、必ず出典の原文を確認してください。</li>
<li>「出典: なし」と表示されたときは、あなたが閲覧できる資料の中に該当する箇所が見つからなかったことを示します。
閲覧権限のないフォルダの資料は、検索にも回答にも一切使われません。</li>
<li>「生成AIモデルを使わずに…」で始まる回答は、生成AIが利用できないときに、関係する箇所をそのまま示したものです。</li>
</ul>

<h2 id="care">入力するときの注意</h2>
<ul>
<li>入力した内容が区の利用以外の学習に使われることはありませんが、個人情報や特定個人情報（マイナンバー）は、業務上必要な場合を除き入力しないでください。</li>
<li>質問と回答の記録（アカウント、日時、検索したフォルダ、使用したモデル、利用量）は、運用管理と監査のために保存されます。
自分の利用状況は「<a href="/usage">利用状況</a>」で確認できます。</li>
</ul>

<h2 id="folders">資料の登録と権限</h2>
<ul>
<li>資料は「<a href="/folders">データフォルダ</a>」に登録します。登録できるのは、そのフォルダの「閲覧・登録」以上の権限を持つ職員です。</li>
<li>登録した資料は自動で読み取られ、数分以内に検索できるようになります。画像だけのPDF（スキャンしたもの）は文字を読み取れないため、OCR処理をしてから登録してください。</li>
<li>「<a href="/retrieval">検索テスト</a>」では、質問に対してどの箇所が見つかるかを生成AIを使わずに確かめられます。</li>
</ul>

<h2 id="contact">困ったときの問い合わせ先</h2>
<table class="data">
<thead><tr><th scope="col">内容</th><th scope="col">問い合わせ先</th></tr></thead>
<tbody>
<tr><td>フォルダが見えない、資料を登録したい、閲覧権限がほしい</td><td>そのフォルダの管理者、または所属の所属管理者</td></tr>
<tr><td>ログインできない、アカウントがロックされた、パスワードを忘れた</td><td>所属の所属管理者（所属管理者はシステム管理者へ）</td></tr>
<tr><td>操作方法、技術的な問題、エラーが表示された</td><td>サービスのサポート窓口（電話: 平日午前9時〜午後5時。メール・Webフォーム: 24時間受付）。
エラー画面の「問い合わせ番号」を伝えると調査が早くなります。${options.contact ? html`<br>${options.contact}` : ""}</td></tr>
</tbody></table>
<p>サポート窓口は、問い合わせに2営業日以内に一次対応し、3営業日以内に回答します（土・日曜、祝休日、年末年始12月29日〜1月3日を除く）。</p>
</div>`,
    }),
  );
}
