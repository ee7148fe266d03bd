import { meguroCatalogue } from "./catalogues/meguro.js";
import { nerimaCatalogue } from "./catalogues/nerima.js";
import { nerimaAiServiceCatalogue } from "./catalogues/nerima-ai-service.js";
import { SecurityClausesError } from "./errors.js";
import type { Catalogue, CatalogueId } from "./provision.js";

export { meguroCatalogue } from "./catalogues/meguro.js";
export { nerimaCatalogue, nerimaRisks } from "./catalogues/nerima.js";
export { nerimaAiServiceCatalogue } from "./catalogues/nerima-ai-service.js";

const ALL: Readonly<Record<CatalogueId, Catalogue>> = {
  nerima: nerimaCatalogue,
  meguro: meguroCatalogue,
  "nerima-ai": nerimaAiServiceCatalogue,
};

/**
 * A shipped catalogue by id.
 *
 * @param id - `"nerima"`, `"meguro"` or `"nerima-ai"`
 * @returns the catalogue
 * @throws {SecurityClausesError} `UNKNOWN_CATALOGUE`
 * @example
 * getCatalogue("meguro").title; // => "機密情報の取扱いに関する標準特記仕様書"
 */
export function getCatalogue(id: string): Catalogue {
  const catalogue = (ALL as Record<string, Catalogue | undefined>)[id];
  if (!catalogue) throw new SecurityClausesError("UNKNOWN_CATALOGUE", `unknown catalogue "${id}"`);
  return catalogue;
}
