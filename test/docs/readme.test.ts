import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Issue 17, points 12 and 14: what a newcomer reads first, and what they need to get going. */
describe('the README', () => {
  it("puts a treasurer's month (type, check, count, close) before how the archive is built", () => {
    const month = readme.indexOf("## A treasurer's month");
    expect(month).toBeGreaterThan(0);
    expect(month).toBeLessThan(readme.indexOf('## The archive'));
    const section = readme.slice(month, readme.indexOf('\n## ', month + 1));
    for (const step of ['**Type**', '**Check**', '**Count**', '**Close**']) expect(section).toContain(step);
  });

  it('says what a group whose sheet cannot reach sajja serve does, and how to make a workbook body', () => {
    expect(readme).toContain('A sheet cannot reach `sajja serve` on a laptop');
    expect(readme).toContain('sajja batchget book.xlsx book.json');
  });

  it("gives clasp 3's prerequisites and what to click on the unverified-app screen", () => {
    expect(readme).toContain('https://script.google.com/home/usersettings');
    expect(readme).toContain("Google hasn't verified this app");
    expect(readme).toContain('**Advanced**');
  });

  it('links only to files in this repository, and no issue numbers stand in for features', () => {
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (/^https?:/.test(target!)) continue;
      expect(existsSync(join(root, target!)), target).toBe(true);
    }
    expect(readme).not.toMatch(/: issue \d+\)/);
  });

  it('keeps the signing recipe, the seven lines, in the repository', () => {
    const api = readFileSync(join(root, 'docs/api.md'), 'utf8');
    expect(api).toMatch(
      /v1\n<group>\n<timestamp>\n<nonce>\n<METHOD[^\n]*>\n<path[^\n]*>\n<lowercase hex SHA-256/,
    );
    expect(readme).toContain('[docs/api.md](docs/api.md)');
  });

  it('tells a treasurer in the sheet exactly what to do: https, their own key, one automation (issue 19)', () => {
    const sheet = readme.slice(readme.indexOf('## In the sheet'), readme.indexOf('## The treasurer'));
    for (const words of [
      '**Install automation**',
      'take it over',
      '**https**',
      '--for "<name>"',
      'User Properties',
      "Google's",
      'sajja secret revoke',
    ])
      expect(sheet).toContain(words);
    expect(sheet).not.toContain("kept in the script's\nproperties");
    expect(existsSync(join(root, 'docs/trust.md'))).toBe(true);
  });
});
