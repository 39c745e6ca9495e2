import type { Page } from 'playwright-core';

/** Fonts of fonts-thai-tlwg (and other Thai fonts) that shape Thai: never a missing-glyph box. */
export const THAI_FONT =
  /Loma|Garuda|Norasi|Kinnari|Laksaman|Sawasdee|Umpush|Waree|Purisa|Tlwg|Noto Sans Thai|Sarabun|Kanit/i;

/** The fonts Chromium drew each Thai text node of the page with (up to 60 nodes). */
export async function thaiFonts(tab: Page): Promise<{ text: string; fonts: string[] }[]> {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const nodes: { nodeId: number; text: string }[] = [];
  const walk = (node: {
    nodeId: number;
    nodeType: number;
    nodeName: string;
    nodeValue?: string;
    children?: unknown[];
  }) => {
    // the title and scripts are not drawn on the page
    if (node.nodeName === 'HEAD' || node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE') return;
    if (node.nodeType === 3 && /[\u0e00-\u0e7f]/.test(node.nodeValue ?? ''))
      nodes.push({ nodeId: node.nodeId, text: node.nodeValue! });
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(root as never);
  const out: { text: string; fonts: string[] }[] = [];
  for (const { nodeId, text } of nodes.slice(0, 60)) {
    const parent = (await cdp.send('DOM.describeNode', { nodeId })).node.parentId ?? nodeId;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: parent });
    out.push({ text, fonts: fonts.map((f: { familyName: string }) => f.familyName) });
  }
  return out;
}
