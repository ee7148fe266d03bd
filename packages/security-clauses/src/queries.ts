import { SecurityClausesError } from "./errors.js";
import type { EvidenceDocumentId } from "./evidence-documents.js";
import type { Actor, Catalogue, Provision, Tag } from "./provision.js";

/**
 * One provision by id.
 *
 * @param catalogue - the catalogue to search
 * @param id - a provision id such as `"nerima:19:3:2"`
 * @returns the provision
 * @throws {SecurityClausesError} `UNKNOWN_PROVISION`
 * @example
 * getProvision(nerimaCatalogue, "nerima:18:1:2").caption; // => "情報の管理"
 */
export function getProvision(catalogue: Catalogue, id: string): Provision {
  const found = catalogue.provisions.find((p) => p.id === id);
  if (!found) throw new SecurityClausesError("UNKNOWN_PROVISION", `no provision "${id}" in ${catalogue.id}`);
  return found;
}

/**
 * The provisions of one article (第N条 or 第N条のM), in order.
 *
 * @param catalogue - the catalogue
 * @param article - `"19"`, or `"4-2"` for 第4条の2
 * @returns its provisions (empty when the article does not exist)
 * @example
 * provisionsOfArticle(meguroCatalogue, "4-4").map((p) => p.id); // => ["meguro:4-4:1", "meguro:4-4:1:1", "meguro:4-4:1:2"]
 */
export function provisionsOfArticle(catalogue: Catalogue, article: string): readonly Provision[] {
  return catalogue.provisions.filter((p) => p.article === article);
}

/**
 * Provisions carrying a tag (personal information, My Number, external service, media, incident, …).
 *
 * @param catalogue - the catalogue
 * @param tag - the tag
 * @returns matching provisions in document order
 * @example
 * provisionsByTag(nerimaCatalogue, "incident").some((p) => p.id === "nerima:25:1:1"); // => true
 */
export function provisionsByTag(catalogue: Catalogue, tag: Tag): readonly Provision[] {
  return catalogue.provisions.filter((p) => p.tags.includes(tag));
}

/**
 * Provisions that oblige or entitle an actor.
 *
 * @param catalogue - the catalogue
 * @param actor - 甲 or 乙
 * @returns provisions with at least one obligation of that actor
 * @example
 * provisionsByActor(nerimaCatalogue, "甲").map((p) => p.id); // includes "nerima:26:1" (公表)
 */
export function provisionsByActor(catalogue: Catalogue, actor: Actor): readonly Provision[] {
  return catalogue.provisions.filter((p) => p.obligations.some((o) => o.actor === actor));
}

/**
 * Provisions that produce an evidence document.
 *
 * @param catalogue - the catalogue
 * @param document - an evidence document id
 * @returns provisions with an obligation producing it
 * @example
 * provisionsByDocument(nerimaCatalogue, "nerima/takeout-ledger").map((p) => p.id); // => ["nerima:18:1:2"]
 */
export function provisionsByDocument(
  catalogue: Catalogue,
  document: EvidenceDocumentId,
): readonly Provision[] {
  return catalogue.provisions.filter((p) => p.obligations.some((o) => o.evidence === document));
}
