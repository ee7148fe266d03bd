export { html, raw } from "hono/html";
export type { HtmlEscapedString } from "hono/utils/html";
