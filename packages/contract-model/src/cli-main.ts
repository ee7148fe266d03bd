import { parseArgs } from "node:util";
import { formatFiscalYear } from "@ward/calendar-jp";
import { ContractModelError } from "./errors.js";
import { weekdayJa } from "./internal/dates.js";
import { textTable } from "./internal/text-table.js";
import { monthRange, obligations } from "./obligations.js";
import {
  CATEGORY_LABELS,
  obligationsToCsv,
  obligationsToCsvBytes,
  STATUS_LABELS,
} from "./obligations-csv.js";
import { obligationsToICalendar } from "./obligations-ics.js";
import { getSeedContract, seedContracts } from "./seed-contracts.js";
import { workload } from "./workload.js";

/** Where the CLI writes: process.stdout / process.stderr, or captured streams in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(chunk: string | Uint8Array): unknown };
}

export const USAGE = `使い方 / usage:
  ward-contract list
  ward-contract obligations --contract <id> --month YYYY-MM [--format table|csv|csv-sjis|ics]
                [--anchor event=YYYY-MM-DD]... [--category c1,c2] [--dated-only]
  ward-contract obligations --contract <id> --from YYYY-MM-DD --to YYYY-MM-DD ...
  ward-contract workload --contract <id> [--anchor event=YYYY-MM-DD]... [--basis fiscal-year|period]

contracts: ${Object.keys(seedContracts).join(", ")}
`;

class UsageError extends Error {}

function anchorsOf(values: readonly string[] | undefined): Record<string, string[]> {
  const anchors: Record<string, string[]> = {};
  for (const value of values ?? []) {
    const match = /^([a-z][a-z0-9-]*)=(\d{4}-\d{2}-\d{2})$/.exec(value);
    if (!match)
      throw new UsageError(
        `--anchor expects event=YYYY-MM-DD, got "${value}" / --anchor の形式が正しくありません`,
      );
    const [, name = "", date = ""] = match;
    anchors[name] = [...(anchors[name] ?? []), date];
  }
  return anchors;
}

function runObligations(values: Record<string, unknown>, io: CliIo): void {
  const contract = getSeedContract(String(values.contract ?? ""));
  const range =
    typeof values.month === "string"
      ? monthRange(values.month)
      : typeof values.from === "string" && typeof values.to === "string"
        ? { from: values.from, to: values.to }
        : undefined;
  if (range === undefined)
    throw new UsageError(
      "give --month YYYY-MM or --from and --to / --month か --from・--to を指定してください",
    );
  const format = String(values.format ?? "table");
  const list = obligations(contract, {
    range,
    anchors: anchorsOf(values.anchor as string[] | undefined),
    includeUndated: values["dated-only"] !== true,
    ...(typeof values.category === "string" ? { categories: values.category.split(",") } : {}),
  });
  switch (format) {
    case "csv":
      io.stdout.write(obligationsToCsvBytes(list));
      return;
    case "csv-sjis":
      io.stdout.write(obligationsToCsvBytes(list, { encoding: "shift_jis" }));
      return;
    case "csv-text":
      io.stdout.write(obligationsToCsv(list));
      return;
    case "ics":
      io.stdout.write(obligationsToICalendar(list, { name: contract.title }));
      return;
    case "table": {
      const rows = list.map((o) => [
        o.date === null ? "—" : `${o.date}(${weekdayJa(o.date)})${o.time === undefined ? "" : ` ${o.time}`}`,
        STATUS_LABELS[o.status],
        CATEGORY_LABELS[o.category],
        o.title,
        `${o.dueText}${o.nominalDate === undefined ? "" : `［${o.nominalDate}が閉庁日のため移動］`}${
          o.window === undefined ? "" : `［${o.window.start}～${o.window.end}］`
        }${o.missingAnchors === undefined ? "" : `［起点日未定: ${o.missingAnchors.join("・")}］`}`,
        o.source.section,
      ]);
      io.stdout.write(
        `${contract.title}（${formatFiscalYear(contract.fiscalYear)}）${range.from}～${range.to}\n\n${textTable(
          ["期限日", "状態", "区分", "件名", "期限の定め", "根拠"],
          rows,
        )}\n\n${list.length} 件\n`,
      );
      return;
    }
    default:
      throw new UsageError(
        `unknown --format "${format}" / --format は table, csv, csv-sjis, ics のいずれかです`,
      );
  }
}

function runWorkload(values: Record<string, unknown>, io: CliIo): void {
  const contract = getSeedContract(String(values.contract ?? ""));
  const anchors = Object.fromEntries(
    Object.entries(anchorsOf(values.anchor as string[] | undefined)).map(([k, v]) => [k, v[0] ?? ""]),
  );
  const basis = values.basis === "period" ? "period" : "fiscal-year";
  const result = workload(contract, { anchors, basis });
  const parts = [
    `${contract.title} ${result.period.start}～${result.period.end}（開庁日 ${result.openDays.period} 日、年度 ${result.openDays.fiscalYear} 日）`,
  ];
  for (const line of result.lines) {
    const per = { year: "年", month: "月", day: "日" }[line.volume.per];
    parts.push(
      "",
      `${line.title}${line.volume.label ? `（${line.volume.label}）` : ""}: ${line.volume.amount.toLocaleString("ja-JP")} ${line.volume.unit}${line.volume.approximate ? "程度" : ""}/${per} → 1開庁日あたり ${line.perOpenDay.toFixed(1)}、期間計 ${line.total.toLocaleString("ja-JP")}`,
      textTable(
        ["月", "開庁日", "件数"],
        line.months.map((m) => [m.month, String(m.openDays), m.amount.toLocaleString("ja-JP")]),
      ),
    );
  }
  io.stdout.write(`${parts.join("\n")}\n`);
}

/**
 * The `ward-contract` command: `list`, `obligations`, `workload`. Returns the exit code; writes only to `io`.
 *
 * @param argv - arguments after the program name
 * @param io - output streams
 * @returns 0 on success, 1 on a contract or data error, 2 on a usage error
 * @example
 * await main(["obligations", "--contract", "meguro-nursery-2026", "--month", "2026-05"], { stdout, stderr });
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        contract: { type: "string", short: "c" },
        month: { type: "string", short: "m" },
        from: { type: "string" },
        to: { type: "string" },
        format: { type: "string", short: "f" },
        anchor: { type: "string", multiple: true, short: "a" },
        category: { type: "string" },
        basis: { type: "string" },
        "dated-only": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command] = positionals;
    if (values.help === true || command === undefined || command === "help") {
      io.stdout.write(USAGE);
      return command === undefined && values.help !== true ? 2 : 0;
    }
    switch (command) {
      case "list":
        for (const c of Object.values(seedContracts)) {
          io.stdout.write(`${c.id}\t${formatFiscalYear(c.fiscalYear)}\t${c.ward}\t${c.title}\n`);
        }
        return 0;
      case "obligations":
        runObligations(values, io);
        return 0;
      case "workload":
        runWorkload(values, io);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" / 不明なコマンドです`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ContractModelError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
