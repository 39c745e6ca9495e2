import { a1, isBlank } from '../cell.ts';
import { type Finding, type FindingPlace, finding } from '../model/finding.ts';
import type { TableLayout } from '../model/layout.ts';
import { readCell } from '../model/read-cell.ts';
import {
  DEFAULT_RULES,
  microPercent,
  POOL_NAMES,
  POOLS,
  RULE_SPECS,
  type Rules,
  RulesEntriesSchema,
  rulesOf,
  UNWRITTEN_RULES,
} from '../model/rules.ts';
import type { DateOptions } from '../parse/date.ts';
import { nameMatches } from '../workbook.ts';
import { entryFinding } from './read-settings.ts';

export interface RulesResult {
  rules: Rules;
  /** Where each bylaw's value cell is, by key. */
  cells: Map<string, FindingPlace>;
}

/**
 * Reads the bylaws tab (`ระเบียบกลุ่ม (rules)`, rows of key and value, SPEC §13): each bylaw as
 * its kind says, a blank one its default, and the bylaws' own checks — the allocation sums to
 * 100 and the reserve gets at least its minimum. A bylaw that cannot be read is a finding at its
 * cell and its default is used, so the rest of the book is still checked. No tab, or a tab with
 * nothing filled in: the bylaws are not written yet (UNWRITTEN_RULES).
 */
export function readRules(layout: TableLayout | undefined, dates: DateOptions, out: Finding[]): RulesResult {
  const cells = new Map<string, FindingPlace>();
  const keyIndex = layout?.columns.get('key');
  const valueIndex = layout?.columns.get('value');
  if (!layout || keyIndex === undefined || valueIndex === undefined) return { rules: UNWRITTEN_RULES, cells };
  const raw: Record<string, unknown> = Object.create(null);
  const rows = layout.tab.rows;
  for (let r = 1; r < rows.length; r++) {
    const keyCell = rows[r]?.[keyIndex];
    if (typeof keyCell !== 'string') continue;
    const spec = RULE_SPECS.find((s) => nameMatches(keyCell, s.key, s.th));
    if (!spec || cells.has(spec.key)) continue;
    const place = { sheet: 'rules' as const, row: r + 1, column: spec.key, cell: a1(valueIndex, r + 1) };
    cells.set(spec.key, place);
    const cell = rows[r]?.[valueIndex];
    if (isBlank(cell)) continue;
    const parsed = readCell(spec, cell, dates);
    if (parsed.ok) raw[spec.key] = parsed.value;
    else out.push(entryFinding(place, spec, cell, parsed.reason));
  }
  // a tab with no bylaw filled in is bylaws not written yet (the template's tab left empty)
  if (
    cells.size === 0 ||
    [...cells.keys()].every((key) => isBlank(rows[cells.get(key)!.row! - 1]?.[valueIndex]))
  )
    return { rules: UNWRITTEN_RULES, cells };
  let parsed = RulesEntriesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const spec = RULE_SPECS.find((s) => s.key === key)!;
      out.push(entryFinding(cells.get(key)!, spec, raw[key] as never, issue.message));
      delete raw[key];
    }
    parsed = RulesEntriesSchema.safeParse(raw);
  }
  const rules = parsed.success ? rulesOf(parsed.data) : DEFAULT_RULES;
  return { rules: checkAllocation(rules, cells, out), cells };
}

/**
 * The allocation's own checks: given at all, it sums to exactly 100 (E_RULES_ALLOCATION) and the
 * reserve gets at least `reserve_min_percent` (E_RULES_RESERVE). An allocation that fails is not
 * used: the year's profit then all goes to reserve until the bylaws are mended.
 */
function checkAllocation(rules: Rules, cells: Map<string, FindingPlace>, out: Finding[]): Rules {
  if (!rules.allocated) return rules;
  const sum = POOLS.reduce((total, pool) => total + microPercent(rules.allocation[pool]), 0);
  const at =
    POOLS.map((pool) => cells.get(`alloc_${pool}`)).find((c) => c !== undefined) ??
    cells.get('allocation_preset') ??
    ({ sheet: 'rules', row: null, column: 'alloc_dividend', cell: null } as FindingPlace);
  let broken = false;
  if (sum !== microPercent(100)) {
    const shown = Number((sum / 1_000_000).toFixed(6));
    out.push(
      finding(
        'E_RULES_ALLOCATION',
        at,
        {
          th: `การจัดสรรกำไรรวมกันได้ร้อยละ ${shown} ต้องเป็น 100 พอดี (${list('th', rules)})`,
          en: `the allocation of the profit adds up to ${shown} %, not 100 (${list('en', rules)})`,
        },
        { value: shown },
      ),
    );
    broken = true;
  }
  if (microPercent(rules.allocation.reserve) < microPercent(rules.reserve_min_percent)) {
    out.push(
      finding(
        'E_RULES_RESERVE',
        cells.get('alloc_reserve') ?? at,
        {
          th: `จัดสรรทุนสำรองร้อยละ ${rules.allocation.reserve} น้อยกว่าที่ระเบียบกำหนดอย่างน้อยร้อยละ ${rules.reserve_min_percent}`,
          en: `the reserve gets ${rules.allocation.reserve} %, less than the bylaws' minimum of ${rules.reserve_min_percent} %`,
        },
        { value: rules.allocation.reserve, limit: rules.reserve_min_percent },
      ),
    );
    broken = true;
  }
  if (!broken) return rules;
  return {
    ...rules,
    allocated: false,
    allocation: Object.fromEntries(POOLS.map((pool) => [pool, 0])) as Rules['allocation'],
  };
}

const list = (lang: 'th' | 'en', rules: Rules) =>
  POOLS.filter((pool) => rules.allocation[pool] > 0)
    .map((pool) => `${POOL_NAMES[pool][lang]} ${rules.allocation[pool]}`)
    .join(', ');
