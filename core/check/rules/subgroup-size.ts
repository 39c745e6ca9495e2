import { type Finding, finding } from '../../model/finding.ts';
import type { Tables } from '../../model/place.ts';
import { placeOf } from '../check-row.ts';
import type { CheckContext } from '../context.ts';

/** W_SUBGROUP_SIZE: a sub-group with more households than the group allows, on the sub-group's row. */
export function checkSubgroupSizes(ctx: CheckContext, tables: Tables, out: Finding[]): void {
  const layout = ctx.layouts.get('subgroups');
  const subgroupRows = ctx.ids.get('subgroups');
  if (!layout || !subgroupRows) return;
  const households = new Map<string, Set<string>>();
  for (const { values } of tables.get('households') ?? []) {
    const subgroup = values.subgroup_id;
    const household = values.household_id;
    if (typeof subgroup !== 'string' || typeof household !== 'string') continue;
    const set = households.get(subgroup) ?? new Set<string>();
    set.add(household);
    households.set(subgroup, set);
  }
  const limit = ctx.settings.max_households_per_subgroup;
  for (const [subgroup, set] of households) {
    const row = subgroupRows.get(subgroup)?.[0];
    if (row === undefined || set.size <= limit) continue;
    out.push(
      finding(
        'W_SUBGROUP_SIZE',
        placeOf(layout, row, 'subgroup_id'),
        {
          th: `กลุ่มย่อย ${subgroup} มี ${set.size} ครัวเรือน เกินกำหนด ${limit} ครัวเรือน`,
          en: `sub-group ${subgroup} has ${set.size} households, more than ${limit}`,
        },
        { subgroup_id: subgroup, count: set.size, limit },
      ),
    );
  }
}
