import { describe, expect, it } from 'vitest';
import { a1, columnIndex, columnLetters, nameMatches } from '../../core/index.ts';

describe('nameMatches (SPEC §3 matching rule)', () => {
  it.each([
    ['savings', true],
    [' Savings ', true],
    ['SAVINGS', true],
    ['เงินออม', true],
    [' เงินออม ', true],
    ['เงินออม (savings)', true],
    ['Money we saved (savings)', true],
    ['เงินออม (Savings)', true],
    ['savings2', false],
    ['เงินออมเดือนนี้', false],
    ['(savings) old', false],
  ])('%j matches savings: %s', (name, expected) => {
    expect(nameMatches(name, 'savings', 'เงินออม')).toBe(expected);
  });
});

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });
  it('joins column and row', () => expect(a1(3, 12)).toBe('D12'));
});
