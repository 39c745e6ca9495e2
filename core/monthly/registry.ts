import * as z from 'zod';
import { GROUP_ID, GROUP_ID_RULE } from '../group-id.ts';
import type { NetworkRow } from '../reports/render/network-report.ts';

/** A spreadsheet's id, or its address (`https://docs.google.com/spreadsheets/d/<id>/edit…`), as its id. */
const spreadsheetId = z
  .string()
  .min(1)
  .transform((s) => /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(s)?.[1] ?? s.trim())
  .refine((s) => /^[A-Za-z0-9_-]{1,100}$/.test(s), {
    error: 'not a spreadsheet id (the part after /spreadsheets/d/ in the sheet’s address)',
  });
const email = z.email({ error: 'not an email address' });

/** A registered group: read from Google Sheets (`spreadsheet_id`) or, locally, a file (`workbook`). */
export const RegistryGroupSchema = z
  .object({
    group_id: z.string().regex(GROUP_ID, { error: GROUP_ID_RULE.en }),
    spreadsheet_id: spreadsheetId.optional(),
    workbook: z.string().min(1).optional(),
    coordinators: z.array(email).default([]),
    treasurer: email.optional(),
    line_to: z.array(z.string().regex(/^U[0-9a-f]{32}$|^[A-Za-z0-9_-]{1,64}$/)).default([]),
    enabled: z.boolean().default(true),
  })
  .refine((g) => g.spreadsheet_id !== undefined || g.workbook !== undefined, {
    error: 'a group needs a spreadsheet_id or a workbook',
  });

/** The registry of SPEC §10: the network and its groups. */
export const RegistrySchema = z.object({
  network: z.object({
    name: z.string().default('เครือข่าย / network'),
    coordinators: z.array(email).default([]),
    /** The day of the next month by which the network report goes, every group done or not (default 3). */
    deadline_day: z.number().int().min(1).max(28).optional(),
  }),
  groups: z.array(RegistryGroupSchema),
});

export type Registry = z.infer<typeof RegistrySchema>;

/** A registry item that could not be used: where it is, whose it was, and why. */
export interface RegistryProblem {
  index: number;
  group_id: string | null;
  reason: { th: string; en: string };
}

/**
 * The registry read item by item: each group checked alone, so one bad item (a mistyped address,
 * an id with a space, a second item with the same id) is reported and the others still run. The
 * network itself must fit; a registry that is not an object with `groups` is refused whole.
 */
export function readRegistryItems(json: unknown): { registry: Registry; problems: RegistryProblem[] } {
  const outer = z.object({ network: RegistrySchema.shape.network, groups: z.array(z.unknown()) }).parse(json);
  const groups: RegistryGroup[] = [];
  const problems: RegistryProblem[] = [];
  const seen = new Set<string>();
  outer.groups.forEach((item, index) => {
    const raw = (item as { group_id?: unknown } | null)?.group_id;
    const id = typeof raw === 'string' ? raw : null;
    const parsed = RegistryGroupSchema.safeParse(item);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const en = issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ');
      const th = issues
        .map((i) =>
          i.path[0] === 'group_id' ? GROUP_ID_RULE.th : `${i.path.join('.') || 'รายการ'}: ${i.message}`,
        )
        .join('; ');
      problems.push({
        index,
        group_id: id,
        reason: { th: `รายการที่ ${index + 1} ใช้ไม่ได้: ${th}`, en: `item ${index + 1} cannot be used: ${en}` },
      });
      return;
    }
    if (seen.has(parsed.data.group_id)) {
      problems.push({
        index,
        group_id: id,
        reason: {
          th: `รายการที่ ${index + 1}: รหัสกลุ่ม ${id} ซ้ำกับรายการก่อนหน้า`,
          en: `item ${index + 1}: group id ${id} is already registered above`,
        },
      });
      return;
    }
    seen.add(parsed.data.group_id);
    groups.push(parsed.data);
  });
  return { registry: { network: outer.network, groups }, problems };
}
export type RegistryGroup = z.infer<typeof RegistryGroupSchema>;

/** A group's status for a month (SPEC §10). */
export type GroupStatus = 'sent' | 'failed' | 'disabled';

/** What the job answers for a month (`sajja monthly --json`). */
export interface MonthlyResult {
  month: string;
  groups: GroupOutcome[];
  network: { sent_to: string[] };
  /** Registry items that could not be run (the others were). */
  invalid?: RegistryProblem[];
}

/** What became of one group's month: the status item the job keeps, and what `sajja monthly` prints. */
export interface GroupOutcome {
  group_id: string;
  status: GroupStatus;
  errors: number;
  warnings: number;
  snapshot: { version: number; hash: string; created: boolean } | null;
  sent_to: string[];
  error?: { th: string; en: string };
  /** The group's row of the network report, kept so the network report reads no sheet again. */
  network_row?: NetworkRow;
  /** The members' statements on LINE (SPEC §15): sent now, sent before, and who the quota left out. */
  line_statements?: LineStatements;
}

/** What became of the members' LINE statements of a group's month. */
export interface LineStatements {
  sent: number;
  /** Sent by an earlier run (never sent twice). */
  already: number;
  /** Members the month's LINE quota left out, by id. */
  left_out: string[];
  /** The quota as read before sending: the month's limit (null: none) and what was used. */
  quota: { limit: number | null; used: number };
}
