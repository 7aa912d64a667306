// What the journey catalogue's panel runs on, in a bundle of its own (dist/catalog-engine.js, scripts/bundles.mjs):
// the catalogue is gathered and drawn when it is first opened, never at activation.
export { renderCatalogHtml } from '../core/catalog/html';
export { gatherCatalog, generatedAtOf } from '../node/catalog';
