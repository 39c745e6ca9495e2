import { generateWorkbook } from '../../cli/generate/generate-workbook.ts';
import { checkBooks } from '../../core/index.ts';

/** A network of nine generated groups (the seed's nine), checked as of `asOf`: the network report's input. */
export const nineGroups = (asOf: string) =>
  Array.from({ length: 9 }, (_, i) => ({
    group_id: `group-${i + 1}`,
    checked: checkBooks(
      generateWorkbook({
        groupId: `group-${i + 1}`,
        groupName: `กลุ่มที่ ${i + 1}`,
        households: 10 + i * 3,
        months: 4,
        start: '2026-07',
        seed: i + 1,
      }),
      { asOf },
    ),
  }));
