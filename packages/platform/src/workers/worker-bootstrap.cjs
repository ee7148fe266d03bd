// Loaded by piscina in each worker thread: makes the real worker module importable whether it is
// TypeScript (sources, run through tsx with the `@ward/source` condition) or built JavaScript.
// CommonJS so that piscina's require() path loads it on Node 20 and 24 without require(esm).
"use strict";
const { register } = require("node:module");
const { pathToFileURL } = require("node:url");
const { workerData } = require("piscina");

// Adds `@ward/source` so workspace packages resolve to their sources, as in tests and `tsx --conditions`.
const SOURCE_CONDITION_HOOK = `data:text/javascript,${encodeURIComponent(
  "export async function resolve(specifier, context, next) {" +
    ' const conditions = context.conditions.includes("@ward/source") ? context.conditions : ["@ward/source", ...context.conditions];' +
    " return next(specifier, { ...context, conditions }); }",
)}`;

async function load() {
  const entry = workerData?.wardEntry;
  if (typeof entry !== "string") throw new Error("@ward/platform: worker started without an entry module");
  if (/\.[cm]?ts$/.test(new URL(entry).pathname)) {
    const tsx = await import("tsx/esm/api");
    tsx.register();
    register(SOURCE_CONDITION_HOOK, pathToFileURL(__filename));
  }
  const module = await import(entry);
  const handler = module.default;
  if (typeof handler !== "function") {
    throw new Error(`@ward/platform: ${entry} has no default export function`);
  }
  // The pool's deadline counts from here: a task waiting for a worker to start is not charged.
  return (envelope) => {
    envelope.started.postMessage(0);
    envelope.started.close();
    return handler(envelope.task);
  };
}

module.exports = load();
