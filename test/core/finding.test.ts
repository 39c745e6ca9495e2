import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDING_FIELDS } from '../../core/index.ts';
import { finding } from '../../core/model/finding.ts';
import { findingsMarkdown } from '../../docs/generate.ts';

const place = { sheet: 'savings' as const, row: 2, column: 'amount', cell: 'D2' };
const message = { th: 'ข้อความ', en: 'message' };

describe('finding', () => {
  it('carries its code’s severity and the fields its code lists', () => {
    const f = finding('W_CLOSED_PERIOD_CHANGED', place, message, {
      month: '2026-07',
      before: '1',
      after: '2',
    });
    expect(f).toEqual({
      code: 'W_CLOSED_PERIOD_CHANGED',
      severity: 'warning',
      ...place,
      message,
      month: '2026-07',
      before: '1',
      after: '2',
    });
    // @ts-expect-error E_REQUIRED carries no month: the types refuse a field its code does not list
    finding('E_REQUIRED', place, message, { month: '2026-07' });
  });

  it('lists the fields of every code', () => {
    expect(Object.keys(FINDING_FIELDS).sort()).toEqual(Object.keys(FINDING_CODES).sort());
  });

  it('is documented in docs/findings.md as `npm run docs` makes it', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/findings.md'), 'utf8')).toBe(
      findingsMarkdown(),
    );
  });
});
