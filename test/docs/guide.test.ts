import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const docs = join(import.meta.dirname, '../../docs');
const guide = readFileSync(join(docs, 'setup-guide.md'), 'utf8');
/** The pictures docs/screenshots.ts makes (read from its source: running it needs Chromium). */
const made = [
  ...readFileSync(join(docs, 'screenshots.ts'), 'utf8').matchAll(/'((?:guide\/)?[\w-]+\.png)'/g),
].map((m) => m[1]!);

/** Issue 22, point 5: the coordinator's guide to set up a group without a developer. */
describe('the setup guide', () => {
  it('has the six steps, Thai first, each with what to do when it fails', () => {
    const steps = [...guide.matchAll(/^## ขั้นที่ (\d) (.+) \/ Step \1: /gm)].map((m) => Number(m[1]));
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    for (const part of guide.split(/^## ขั้นที่ /m).slice(1)) expect(part).toContain('ถ้าไม่สำเร็จ / *If it fails*');
    for (const words of [
      '/copy',
      'Editor',
      'ตั้งค่า API',
      'ติดตั้งการทำงานอัตโนมัติ',
      'ใช้แท็บสั่งงานจากโทรศัพท์',
      'REGISTRY',
    ])
      expect(guide).toContain(words);
  });

  it('shows only pictures npm run screenshots makes, and every one it makes for the guide', () => {
    const shown = [...guide.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const picture of shown) {
      expect(made).toContain(picture);
      expect(existsSync(join(docs, picture)), picture).toBe(true);
    }
    for (const picture of made.filter((p) => p.startsWith('guide/'))) expect(shown).toContain(picture);
  });
});
