import { describe, expect, it } from 'vitest';
import { REFERENCE_TABS } from '../../core/archive/snapshot-content.ts';
import { checkBooks, TABS, tabSpec, tabsWhere } from '../../core/index.ts';
import { POSTING_RULES } from '../../core/ledger/postings/index.ts';
import { MONTH_COLUMN } from '../../core/model/month-rows.ts';
import { smallBook, table } from '../helpers/small-book.ts';

describe('tab roles', () => {
  it('posts to the journal from exactly the tabs declared to post', () => {
    const book = smallBook();
    // the small book's year shared out at a meeting (a year-end row posts too)
    book.tabs.push(
      table('year_end', [{ fiscal_year: 2569, date: '20/11/2569', member_id: 'M1', dividend: 1 }]),
    );
    const { journal } = checkBooks(book, { asOf: '2026-11-26' });
    const posting = new Set(journal.entries.map((e) => e.sheet).filter((s) => s !== 'settings'));
    expect([...posting].sort()).toEqual([...tabsWhere((r) => r.posts)].sort());
  });

  it('gives a posting rule to exactly the tabs declared to post', () => {
    expect(Object.keys(POSTING_RULES).sort()).toEqual([...tabsWhere((r) => r.posts)].sort());
  });

  it('dates each dated tab by one of its own date columns, and archives its rows by it', () => {
    for (const tab of TABS.filter((t) => t.roles.dated !== undefined)) {
      const column = tab.columns.find((c) => c.key === tab.roles.dated);
      expect(column?.kind, `${tab.key}.${tab.roles.dated}`).toBe('date');
      expect(MONTH_COLUMN[tab.key as keyof typeof MONTH_COLUMN]).toBe(tab.roles.dated);
    }
    expect(Object.keys(MONTH_COLUMN).length).toBe(TABS.filter((t) => t.roles.dated).length);
  });

  it('makes every posting tab dated and part of the books', () => {
    for (const key of tabsWhere((r) => r.posts)) {
      expect(tabSpec(key).roles.dated, key).toBeDefined();
      expect(tabSpec(key).roles.books, key).toBe(true);
    }
  });

  it('marks as referenced every tab a column refers to, each with an id column', () => {
    const targets = new Set(TABS.flatMap((t) => t.columns.flatMap((c) => (c.ref ? [c.ref] : []))));
    expect(targets.size).toBeGreaterThan(0);
    for (const target of targets) expect(tabSpec(target).roles.referenced, target).toBe(true);
    for (const key of tabsWhere((r) => r.referenced)) expect(tabSpec(key).idColumn, key).toBeDefined();
  });

  it('keeps whole in each snapshot only undated tabs', () => {
    expect(REFERENCE_TABS.length).toBeGreaterThan(0);
    for (const key of REFERENCE_TABS) expect(tabSpec(key).roles.dated, key).toBeUndefined();
  });
});
