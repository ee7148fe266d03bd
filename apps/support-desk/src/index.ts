export * from "./domain/index.js";
export { createSupportDesk, type SupportDesk, type SupportDeskOptions } from "./http/create-support-desk.js";
export type { Desk } from "./storage/desk.js";
export { type SupportDeskTables, supportDeskMigrations } from "./storage/schema.js";
