// The Marketplace icon (128×128 PNG) drawn from the activity-bar glyph media/cx-impact.svg: the glyph in white on a
// rounded square, rendered by resvg (@resvg/resvg-js, prebuilt per platform from the npm registry). The build calls
// it; `node scripts/icon.mjs` alone writes dist/icon.png too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GLYPH = path.join(root, 'media', 'cx-impact.svg');
export const ICON = path.join(root, 'dist', 'icon.png');
export const ICON_SIZE = 128;
/** Also package.json's galleryBanner colour, so the icon sits on its own colour in the Marketplace. */
export const BACKGROUND = '#1f4e79';

/** The glyph's 24×24 drawing, scaled into the middle of a 128×128 tile. */
export function iconSvg(glyph) {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
  const attributes = /<svg([^>]*)>/.exec(glyph)?.[1] ?? '';
  if (!inner) throw new Error('media/cx-impact.svg has no <svg> element');
  const stroke = (name, fallback) => new RegExp(`${name}="([^"]+)"`).exec(attributes)?.[1] ?? fallback;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_SIZE}" height="${ICON_SIZE}" viewBox="0 0 ${ICON_SIZE} ${ICON_SIZE}">`,
    `<rect width="${ICON_SIZE}" height="${ICON_SIZE}" rx="24" fill="${BACKGROUND}"/>`,
    `<g transform="translate(16 16) scale(4)" fill="none" stroke="#ffffff" stroke-width="${stroke('stroke-width', '1.6')}"`,
    ` stroke-linecap="${stroke('stroke-linecap', 'round')}" stroke-linejoin="${stroke('stroke-linejoin', 'round')}">`,
    inner.replace(/currentColor/g, '#ffffff'),
    '</g></svg>',
  ].join('');
}

export async function writeIcon(out = ICON) {
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(iconSvg(fs.readFileSync(GLYPH, 'utf8')), { fitTo: { mode: 'width', value: ICON_SIZE } })
    .render()
    .asPng();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, png);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await writeIcon(process.argv[2] ? path.resolve(process.argv[2]) : ICON));
}
