// A chart's SVG as a file that opens on its own: the xmlns, a white or dark background
// and the theme's colours written in (the page's CSS variables do not travel with a
// file), a title, and every path, label and legend entry exactly as drawn.

export interface SvgColors {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
}

export const LIGHT_SVG_COLORS: SvgColors = { bg: '#ffffff', fg: '#17202b', muted: '#4b5868', grid: '#dde3ec' };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Wraps a chart's inner SVG markup (what React rendered inside its <svg>) into a
 * standalone document of the given size. CSS variables used by the markup are
 * replaced by concrete colours.
 */
export function standaloneSvg(inner: string, width: number, height: number, title: string, colors: SvgColors = LIGHT_SVG_COLORS): string {
  const body = inner
    .replace(/var\(--fg\)/g, colors.fg)
    .replace(/var\(--muted\)/g, colors.muted)
    .replace(/var\(--chart-grid\)/g, colors.grid)
    .replace(/var\(--surface\)/g, colors.bg);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="${colors.bg}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
