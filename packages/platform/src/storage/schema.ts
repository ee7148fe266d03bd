import type { Generated } from "kysely";

/** The four roles of the platform, from most to least powerful. */
export const ROLES = ["system_admin", "department_admin", "staff", "read_only"] as const;
/** A user's role. */
export type Role = (typeof ROLES)[number];

/** Kysely table types of the platform's own tables (apps add theirs with `db.withTables<…>()`). */
export interface PlatformTables {
  ward_migrations: { namespace: string; id: string; position: number; applied_at: string };
  departments: { id: Generated<number>; code: string; name: string; created_at: Generated<Date> };
  users: {
    id: Generated<number>;
    login_id: string;
    display_name: string;
    role: Role;
    department_id: number | null;
    password_hash: string;
    must_change_password: Generated<boolean>;
    failed_attempts: Generated<number>;
    locked_until: Date | null;
    disabled: Generated<boolean>;
    created_at: Generated<Date>;
    password_changed_at: Date | null;
  };
  groups: { id: Generated<number>; name: string; department_id: number | null; created_at: Generated<Date> };
  group_members: { group_id: number; user_id: number };
  user_permissions: {
    user_id: number;
    permission: string;
    granted_by: number | null;
    granted_at: Generated<Date>;
  };
  sessions: {
    id: string;
    user_id: number;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    source_ip: string | null;
  };
  audit_log: {
    seq: number;
    occurred_at: string;
    actor_id: number | null;
    actor_login: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    result: string;
    source_ip: string | null;
    request_id: string | null;
    detail: string;
    prev_hash: string;
    hash: string;
  };
  audit_head: { id: number; seq: number; hash: string };
  ward_keyring: {
    id: number;
    key_check: string;
    chain_id: string;
    keyed_from_seq: number;
    legacy_head: string;
    created_at: string;
    mac: string;
  };
  files: {
    id: string;
    name: string;
    content_type: string;
    size: number;
    department_id: number | null;
    wrapped_key: Uint8Array | null;
    iv: Uint8Array;
    tag: Uint8Array;
    ciphertext: Uint8Array | null;
    created_by: number | null;
    created_at: Date;
    erased_at: Date | null;
  };
  login_throttle: {
    scope: "client" | "account";
    login_id: string;
    client: string;
    attempts: number;
    locks: number;
    window_start: Date;
    locked_until: Date | null;
    updated_at: Date;
  };
  file_erasures: {
    id: Generated<number>;
    file_id: string;
    file_name: string;
    size: number;
    erased_at: string;
    erased_by: number | null;
    erased_by_login: string | null;
    method: string;
    reason: string;
    audit_seq: number;
  };
  user_moves: {
    id: Generated<number>;
    user_id: number;
    kind: "move" | "retire";
    effective_date: string;
    effective_at: Date;
    department_id: number | null;
    role: Role | null;
    status: Generated<"pending" | "applied" | "cancelled">;
    created_by: number | null;
    created_at: Date;
    applied_at: Date | null;
    from_department_id: number | null;
    from_role: Role | null;
    reviewed_at: Date | null;
    reviewed_by: number | null;
  };
  account_imports: {
    id: string;
    created_by: number | null;
    created_at: Date;
    file_name: string;
    content: string;
    sha256: string;
    rows: number;
    status: Generated<"staged" | "committed">;
    committed_at: Date | null;
  };
  credential_handouts: {
    id: string;
    import_id: string | null;
    created_by: number | null;
    created_at: Date;
    accounts: number;
    wrapped_key: Uint8Array | null;
    iv: Uint8Array | null;
    tag: Uint8Array | null;
    ciphertext: Uint8Array | null;
    handed_out_at: Date | null;
    handed_out_as: string | null;
  };
}
