import { type IsoDate, toIsoDate } from "@ward/calendar-jp";
import { createApp, type Platform, type PlatformEnv } from "@ward/platform";
import type { Hono } from "hono";
import { CHANNEL_REPORT_LABELS } from "../reports/labels.js";
import { createTreasuryWorkers, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { creditorRoutes } from "./creditor-routes.js";
import { failedTransferRoutes } from "./failed-transfer-routes.js";
import { homeRoutes } from "./home-routes.js";
import { noticeImportRoutes } from "./notice-import-routes.js";
import { paymentAdviceRoutes } from "./payment-advice-routes.js";
import { paymentImportRoutes } from "./payment-import-routes.js";
import { reconcileRoutes } from "./reconcile-routes.js";
import type { RouteDeps } from "./route-deps.js";
import { slipRoutes } from "./slip-routes.js";
import { stampRoutes } from "./stamp-routes.js";
import { tallyRoutes } from "./tally-routes.js";
import { transferRoutes } from "./transfer-routes.js";
import { workReportRoutes } from "./work-report-routes.js";

/** Every screen's routes, in the order they are mounted. */
const SCREENS = [
  homeRoutes,
  noticeImportRoutes,
  tallyRoutes,
  reconcileRoutes,
  slipRoutes,
  transferRoutes,
  creditorRoutes,
  paymentImportRoutes,
  failedTransferRoutes,
  paymentAdviceRoutes,
  stampRoutes,
  workReportRoutes,
] as const satisfies readonly ((deps: RouteDeps) => Hono<PlatformEnv>)[];

/**
 * The treasury's web screens on the platform (Japanese, server-rendered): notice import, tallies by
 * date (with the workbook), reconciliation, payment slips due, transfer matching, creditor registration,
 * payment imports, failed transfers, payment advice, the stamp book and work reports.
 *
 * @param platform - a platform created with the treasury migrations
 * @param options - `today` for tests (default today in Asia/Tokyo); `workers`, the pool for CSV parsing
 *   and documents (default a new pool with the default limits, threads started on first use)
 * @returns the Hono app
 * @example
 * await startServer(createTreasuryApp(platform), platform, { port: 3100 });
 */
export function createTreasuryApp(
  platform: Platform,
  options: { readonly today?: () => IsoDate; readonly workers?: TreasuryWorkers } = {},
): Hono<PlatformEnv> {
  const deps: RouteDeps = {
    platform,
    today: options.today ?? (() => toIsoDate(platform.clock())),
    workers: options.workers ?? createTreasuryWorkers(),
  };
  return createApp(platform, {
    title: "練馬区 公金収納・支払事務",
    nav: [
      { href: "/", label: "ホーム" },
      { href: "/notices/import", label: "通知書取込", permission: "write" },
      { href: "/tallies", label: "集計表", permission: "read" },
      { href: "/reconcile", label: "照合", permission: "read" },
      { href: "/slips", label: "払込票", permission: "read" },
      { href: "/transfers", label: "振込照合", permission: "read" },
      { href: "/creditors/new", label: "債権者口座登録", permission: "write" },
      { href: "/payments/import", label: "支出命令・申請取込", permission: "write" },
      { href: "/failed-transfers", label: "支払不能", permission: "read" },
      { href: "/payment-advice", label: "支払案内書", permission: "personal_data" },
      { href: "/stamps", label: "郵券受払簿", permission: "read" },
      { href: "/reports", label: "日報・完了報告", permission: "read" },
    ],
    routes: (app) => {
      for (const screen of SCREENS) app.route("/", screen(deps));
    },
  });
}

export { CHANNEL_REPORT_LABELS };
