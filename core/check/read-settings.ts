import { a1, isBlank } from '../cell.ts';
import { echo, type Finding, type FindingPlace, finding } from '../model/finding.ts';
import { allowedText } from '../model/labels.ts';
import type { TableLayout } from '../model/layout.ts';
import { readCell } from '../model/read-cell.ts';
import {
  DEFAULT_CALENDAR,
  DEFAULT_TIMEZONE,
  SETTING_SPECS,
  type Settings,
  SettingsSchema,
} from '../model/settings.ts';
import type { DateOptions } from '../parse/date.ts';
import { enumKeys } from '../parse/enumeration.ts';
import type { EnumerationName } from '../parse/enumerations.ts';
import { nameMatches } from '../workbook.ts';
import { columnName, quoted, reasonText } from './messages.ts';

export interface SettingsResult {
  settings: Settings;
  dates: DateOptions;
  /** True when group_id and group_name could be read. */
  usable: boolean;
  /** Where each setting's value cell is. */
  cells: Map<string, FindingPlace>;
}

/**
 * Reads the `settings` tab (rows of key, value). Unknown keys are ignored; an unreadable value
 * is a finding and its default is used, so the rest of the workbook is still checked.
 */
export function readSettings(layout: TableLayout | undefined, out: Finding[]): SettingsResult {
  const raw: Record<string, unknown> = Object.create(null);
  const where = new Map<string, FindingPlace>();
  const keyIndex = layout?.columns.get('key');
  const valueIndex = layout?.columns.get('value');
  if (layout && keyIndex !== undefined && valueIndex !== undefined) {
    const found = new Map<string, number>();
    const rows = layout.tab.rows;
    for (let r = 1; r < rows.length; r++) {
      const keyCell = rows[r]?.[keyIndex];
      if (typeof keyCell !== 'string') continue;
      const spec = SETTING_SPECS.find((s) => nameMatches(keyCell, s.key, s.th));
      if (!spec || found.has(spec.key)) continue;
      found.set(spec.key, r);
      where.set(spec.key, { sheet: 'settings', row: r + 1, column: spec.key, cell: a1(valueIndex, r + 1) });
    }
    // calendar and time zone first: reading the opening date needs them
    const ordered = [...SETTING_SPECS].sort((a, b) => rank(a.key) - rank(b.key));
    const dates: DateOptions = { calendar: DEFAULT_CALENDAR, timeZone: DEFAULT_TIMEZONE };
    for (const spec of ordered) {
      const r = found.get(spec.key);
      const cell = r === undefined ? undefined : rows[r]?.[valueIndex];
      if (r === undefined || isBlank(cell)) continue;
      const parsed = readCell(spec, cell, dates);
      if (!parsed.ok) {
        out.push(entryFinding(where.get(spec.key)!, spec, cell, parsed.reason));
        continue;
      }
      raw[spec.key] = parsed.value;
      if (spec.key === 'calendar') dates.calendar = parsed.value as DateOptions['calendar'];
      if (spec.key === 'timezone') dates.timeZone = parsed.value as string;
    }
  }
  if (keyIndex !== undefined && valueIndex !== undefined) {
    for (const spec of SETTING_SPECS) {
      if (!spec.required || raw[spec.key] !== undefined || out.some((f) => f.column === spec.key)) continue;
      const name = columnName(spec);
      out.push(
        finding(
          'E_REQUIRED',
          where.get(spec.key) ?? { sheet: 'settings', row: null, column: spec.key, cell: null },
          { th: `ต้องกรอกค่าตั้งค่า ${name.th}`, en: `setting ${name.en} is required` },
        ),
      );
    }
  }
  return finish(raw, where, out);
}

function rank(key: string): number {
  return key === 'calendar' ? 0 : key === 'timezone' ? 1 : 2;
}

function finish(
  raw: Record<string, unknown>,
  where: Map<string, FindingPlace>,
  out: Finding[],
): SettingsResult {
  const usable = typeof raw.group_id === 'string' && typeof raw.group_name === 'string';
  let parsed = SettingsSchema.safeParse({ group_id: '', group_name: '', ...raw });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const spec = SETTING_SPECS.find((s) => s.key === key)!;
      const place = where.get(key) ?? { sheet: 'settings', row: null, column: key, cell: null };
      out.push(entryFinding(place, spec, raw[key] as never, issue.message));
      delete raw[key];
    }
    parsed = SettingsSchema.safeParse({ group_id: '', group_name: '', ...raw });
  }
  const settings = parsed.success ? parsed.data : SettingsSchema.parse({ group_id: '', group_name: '' });
  return {
    settings,
    dates: { calendar: settings.calendar, timeZone: settings.timezone },
    // a group id refused (its finding says why) leaves the book unidentified, as one not read
    usable: usable && typeof raw.group_id === 'string',
    cells: where,
  };
}

/** E_VALUE at a key/value tab's entry (a setting, a bylaw) that cannot be read. */
export function entryFinding(
  place: FindingPlace,
  spec: { key: string; th: string; kind?: string; enumeration?: EnumerationName },
  cell: unknown,
  reason: string,
): Finding {
  const name = columnName(spec);
  const why = reasonText(reason);
  if (spec.enumeration !== undefined && reason === 'enum') {
    const allowed = allowedText(spec.enumeration);
    return finding(
      'E_VALUE',
      place,
      {
        th: `${name.th} ${quoted(cell)}: ${why.th} — เลือกได้: ${allowed}`,
        en: `${name.en} ${quoted(cell)}: ${why.en} — allowed: ${allowed}`,
      },
      { value: echo(cell), reason, allowed: enumKeys(spec.enumeration) },
    );
  }
  return finding(
    'E_VALUE',
    place,
    { th: `${name.th} ${quoted(cell)}: ${why.th}`, en: `${name.en} ${quoted(cell)}: ${why.en}` },
    { value: echo(cell), reason },
  );
}
