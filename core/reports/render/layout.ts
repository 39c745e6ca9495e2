import { type Html, html, raw } from './html.ts';

/**
 * Inline styles (Gmail keeps them; it drops <style> in some clients and all SVG and script).
 * Numbers right-aligned in tabular figures; nothing wider than a 360 px phone.
 */
export const S = {
  page: 'margin:0 auto;max-width:720px;padding:12px;font-family:Sarabun,Loma,Garuda,Tahoma,"Noto Sans Thai",sans-serif;font-size:14px;line-height:1.45;color:#222;background:#fff;word-wrap:break-word;overflow-wrap:anywhere',
  header: 'border-bottom:2px solid #3b7d4f;padding-bottom:8px;margin-bottom:8px',
  section: 'margin:14px 0 0',
  h2: 'font-size:16px;margin:0 0 6px;color:#3b7d4f',
  table: 'width:100%;border-collapse:collapse;table-layout:auto',
  cell: 'padding:4px 6px;border-bottom:1px solid #e5e5e5;vertical-align:top',
  head: 'padding:4px 6px;border-bottom:1px solid #999;text-align:left;font-weight:bold;vertical-align:bottom',
  headNum:
    'padding:4px 6px;border-bottom:1px solid #999;text-align:right;font-weight:bold;vertical-align:bottom',
  num: 'padding:4px 6px;border-bottom:1px solid #e5e5e5;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;vertical-align:top',
  delta:
    'padding:4px 6px;border-bottom:1px solid #e5e5e5;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;color:#666;font-size:12px;vertical-align:top',
  muted: 'color:#666;font-size:12px',
  footer:
    'margin-top:18px;padding-top:8px;border-top:1px solid #ccc;color:#666;font-size:12px;overflow-wrap:anywhere',
} as const;

/** Thai first, English beneath, smaller. */
export const th2 = (th: string, en: string): Html => html`${th}<div style="${S.muted}">${en}</div>`;

/** A titled section. */
export const section = (th: string, en: string, content: Html): Html =>
  html`<div style="${S.section}"><h2 style="${S.h2}">${th} <span style="${S.muted};font-weight:normal">/ ${en}</span></h2>${content}</div>`;

/** A horizontal bar as a CSS block (no SVG, no image): `share` of the full width, with its label. */
export function bar(share: number, colour: string, label: string): Html {
  const width = Math.max(0, Math.min(100, Math.round(share * 1000) / 10));
  return html`<div style="font-size:11px;color:#444">${label}</div><div style="background:#eee;height:8px;margin:1px 0 4px"><div style="background:${colour};width:${width}%;height:8px"></div></div>`;
}

/**
 * Small vertical bars in a row, one a value (a month), as CSS blocks: the height its share of
 * `top`, a gap where there is no value; `flag` colours the values it picks out.
 */
export function columns(
  values: readonly (number | null)[],
  top: number,
  colour: string,
  flag?: (v: number) => boolean,
): Html {
  return html`<div style="display:inline-block;height:24px;white-space:nowrap;vertical-align:bottom">${values.map(
    (v) =>
      html`<div style="display:inline-block;width:7px;margin-right:2px;height:24px;background:#eee;vertical-align:bottom;position:relative"><div style="position:absolute;bottom:0;width:7px;height:${v === null ? 0 : Math.max(1, Math.round((24 * Math.max(0, v)) / Math.max(1, top)))}px;background:${v !== null && flag?.(v) ? '#c0392b' : colour}"></div></div>`,
  )}</div>`;
}

/** A small card (unused today by the group report; kept for the network report's totals). */
export const card = (content: Html): Html =>
  html`<div style="border:1px solid #ddd;border-radius:6px;padding:8px;margin:6px 0">${content}</div>`;

/** A report's paper: A4 with 12 mm margins. */
const A4 = { size: 'A4', margin: '12mm' } as const;

/** A page printed on its own paper (a passbook on A5, a household on A4), with 10 mm margins. */
export const paperOf = (size: 'A4' | 'A5') => ({ size, margin: '10mm' });

/** One self-contained document: Thai, phone-sized, printable on A4, no script, no external file. */
export function doc(title: string, body: Html, paper: { size: 'A4' | 'A5'; margin: string } = A4): string {
  return html`<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${raw(`<style>@page{size:${paper.size};margin:${paper.margin}}@media print{body{font-size:12px}}</style>`)}</head>
<body style="margin:0;background:#fff"><div style="${S.page}">${body}</div></body></html>`.text;
}
