import * as z from 'zod';
import type { NetworkRow } from '../reports/render/network-report.ts';

/** A registered group: read from Google Sheets (`spreadsheet_id`) or, locally, a file (`workbook`). */
export const RegistryGroupSchema = z
  .object({
    group_id: z.string().min(1).max(64),
    spreadsheet_id: z.string().min(1).optional(),
    workbook: z.string().min(1).optional(),
    coordinators: z.array(z.string()).default([]),
    treasurer: z.string().optional(),
    line_to: z.array(z.string()).default([]),
    enabled: z.boolean().default(true),
  })
  .refine((g) => g.spreadsheet_id !== undefined || g.workbook !== undefined, {
    error: 'a group needs a spreadsheet_id or a workbook',
  });

/** The registry of SPEC §10: the network and its groups. */
export const RegistrySchema = z.object({
  network: z.object({
    name: z.string().default('เครือข่าย / network'),
    coordinators: z.array(z.string()).default([]),
    /** The day of the next month by which the network report goes, every group done or not (default 3). */
    deadline_day: z.number().int().min(1).max(28).optional(),
  }),
  groups: z.array(RegistryGroupSchema),
});

export type Registry = z.infer<typeof RegistrySchema>;
export type RegistryGroup = z.infer<typeof RegistryGroupSchema>;

/** A group's status for a month (SPEC §10). */
export type GroupStatus = 'sent' | 'failed' | 'disabled';

/** What the job answers for a month (`sajja monthly --json`). */
export interface MonthlyResult {
  month: string;
  groups: GroupOutcome[];
  network: { sent_to: string[] };
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
}
