// The Impact Report's renderers, in a bundle of their own (dist/report-render.js, scripts/build.mjs): the report is
// drawn when it is first opened or copied, never at activation, so src/report/report-panel.ts loads this then.
export { listIds, renderReportHtml, renderRows, reportChainFiles, reportMaps } from '../core/render/html';
export { renderJson } from '../core/render/json';
export { renderImpactMarkdown } from '../core/render/markdown';
