import type { Generated } from "kysely";

/** The treasury app's tables (migrations in {@link treasuryMigrations}); money is integer yen (`bigint`). */
export interface TreasuryTables {
  treasury_import_batches: {
    id: Generated<number>;
    file_name: string;
    file_sha256: string;
    encoding: string;
    row_count: number;
    fresh_count: number;
    reimport_count: number;
    total_yen: string | number | bigint;
    imported_by: number | null;
    imported_at: Date;
  };
  treasury_notices: {
    notice_number: string;
    cash_date: string;
    fiscal_year: number;
    year_kind: string;
    channel: string;
    account_code: string;
    subject_code: string;
    department_code: string;
    amount_yen: string | number | bigint;
    batch_id: number;
    line: number;
  };
  treasury_creditor_accounts: {
    id: Generated<number>;
    creditor_name: string;
    postal_code: string;
    address: string;
    bank_code: string;
    branch_code: string;
    account_type: string;
    account_number: string;
    holder_name: string;
    bank_name: string | null;
    branch_name: string | null;
    registered_by: number | null;
    registered_at: Date;
  };
  treasury_payment_orders: {
    id: Generated<number>;
    order_number: string;
    payee: string;
    payment_date: string;
    amount_yen: string | number | bigint;
    creditor_account_id: number | null;
  };
  treasury_payment_slips: {
    id: Generated<number>;
    slip_number: string;
    payee: string;
    desired_date: string;
    due_date: string;
    amount_yen: string | number | bigint;
    collected_at: Date | null;
  };
  treasury_transfer_applications: {
    id: Generated<number>;
    application_number: string;
    payee: string;
    transfer_date: string;
    amount_yen: string | number | bigint;
  };
  treasury_failed_transfers: {
    id: Generated<number>;
    notified_on: string;
    payee: string;
    amount_yen: string | number | bigint;
    reason_code: string;
    reason_text: string;
    department_code: string;
    reply_kind: string | null;
    reply_text: string;
    status: string;
    recorded_at: Date;
    updated_at: Date;
  };
  treasury_stamp_entries: {
    id: Generated<number>;
    entry_date: string;
    denomination: number;
    received: number;
    used: number;
    description: string;
    recorded_by: number | null;
    recorded_at: Date;
  };
  treasury_work_records: {
    id: Generated<number>;
    work_date: string;
    work_item: string;
    count: number;
    staff: string;
    note: string;
    recorded_by: number | null;
    recorded_at: Date;
  };
}
