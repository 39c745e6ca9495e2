import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFigures } from '../../core/archive/closed-summary.ts';
import { SNAPSHOT_SCHEMA } from '../../core/archive/schema.ts';
import { checkBooks } from '../../core/index.ts';
import { FIGURES, type Figure, figuresOf } from '../../core/summary/figures.ts';
import { summariseMonth } from '../../core/summary/monthly-summary.ts';
import { figuresMarkdown } from '../../docs/generate.ts';
import { smallBook } from '../helpers/small-book.ts';

const checked = checkBooks(smallBook(), { asOf: '2026-11-26' });
const summary = summariseMonth(checked, '2026-07');
const months = ['2026-07', '2026-08', '2026-09', '2026-10'].map((m) => summariseMonth(checked, m));

describe('FIGURES', () => {
  it('declares every figure a summary holds, and each declared figure is in a summary', () => {
    const held = months.flatMap((s) => figuresOf(s));
    expect(held.filter((f) => f.figure === undefined).map((f) => f.path)).toEqual([]);
    const used = new Set(held.map((f) => f.figure!.path));
    expect(FIGURES.map((f) => f.path).filter((path) => !used.has(path))).toEqual([]);
  });

  it('gives every figure a Thai and an English label, a unit and a schema no later than today’s', () => {
    for (const f of FIGURES) {
      expect(f.th).toMatch(/[\u0E00-\u0E7F]|PAR30/);
      expect(f.en).toMatch(/^[\x20-\x7E’]+$/);
      expect(['satang', 'count', 'ratio', 'months', 'days']).toContain(f.unit);
      expect(f.since).toBeLessThanOrEqual(SNAPSHOT_SCHEMA);
    }
    expect(new Set(FIGURES.map((f) => f.path)).size).toBe(FIGURES.length);
  });

  it('names concrete paths for sub-groups and categories', () => {
    const paths = figuresOf(summary).map((f) => f.path);
    expect(paths).toContain(`subgroups[${summary.subgroups[0]!.subgroup_id}].collected`);
    expect(paths).toContain('loans.par30_ratio');
  });
});

describe('changedFigures', () => {
  const later: Figure = {
    path: 'loans.written_off',
    th: 'หนี้สูญ',
    en: 'written off',
    unit: 'satang',
    since: SNAPSHOT_SCHEMA + 1,
  };
  const catalogue = [...FIGURES, later];
  const withLater = { ...summary, loans: { ...summary.loans, written_off: 12_300 } };

  it('never wakes a month archived before a figure existed', () => {
    expect(changedFigures(summary, withLater, SNAPSHOT_SCHEMA, catalogue)).toEqual([]);
  });

  it('compares the figure for a month archived once it existed', () => {
    const before = { ...summary, loans: { ...summary.loans, written_off: 0 } };
    expect(changedFigures(before, withLater, SNAPSHOT_SCHEMA + 1, catalogue)).toEqual([
      { path: 'loans.written_off', th: 'หนี้สูญ 0.00 → 123.00', en: 'written off 0.00 → 123.00' },
    ]);
  });

  it('shows money in baht, counts as counts and ratios as percentages', () => {
    const after = {
      ...summary,
      savings: { ...summary.savings, balance: summary.savings.balance + 150, members_saving: 7 },
      loans: { ...summary.loans, par30_ratio: 0.125 },
    };
    expect(changedFigures(summary, after, SNAPSHOT_SCHEMA).map((c) => c.en)).toEqual([
      'savings balance 130.50 → 132.00',
      `members saving ${summary.savings.members_saving} → 7`,
      `PAR30 ratio 0.0% → 12.5%`,
    ]);
  });
});

describe('docs/figures.md', () => {
  it('is what `npm run docs` makes from the catalogue', () => {
    const path = join(import.meta.dirname, '../../docs/figures.md');
    expect(readFileSync(path, 'utf8')).toBe(figuresMarkdown());
  });
});
