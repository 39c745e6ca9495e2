import { placeOf } from '../../check/check-row.ts';
import type { CheckContext } from '../../check/context.ts';
import type { FindingFields, FindingPlace } from '../../model/finding.ts';
import type { DataTabKey } from '../../model/records.ts';
import { formatBaht, type Satang } from '../../money.ts';
import { WELFARE_FUND } from '../accounts.ts';

/** Where a ledger finding points: a tab, a sheet row and a column, as an A1 cell when known. */
export type Where = (sheet: DataTabKey, row: number | null, column: string | null) => FindingPlace;

export const baht = (satang: Satang) => formatBaht(satang);
export const ACCOUNT_TH: Record<string, string> = {
  cash: 'เงินสด',
  bank: 'เงินฝากธนาคาร',
  [WELFARE_FUND]: 'กองทุนสวัสดิการ',
  'fund:committee': 'กองทุนค่าตอบแทนกรรมการ',
  'fund:public_benefit': 'กองทุนสาธารณประโยชน์',
  'fund:education': 'กองทุนการศึกษาอบรม',
};
export const ACCOUNT_EN: Record<string, string> = {
  cash: 'cash',
  bank: 'bank',
  [WELFARE_FUND]: 'the welfare fund',
  'fund:committee': "the committee's fund",
  'fund:public_benefit': 'the public benefit fund',
  'fund:education': 'the education fund',
};
/** The finding's `account` field of a journal account. */
export const ACCOUNT_KEY: Record<string, NonNullable<FindingFields['account']>> = {
  cash: 'cash',
  bank: 'bank',
  [WELFARE_FUND]: 'welfare',
  'fund:committee': 'committee',
  'fund:public_benefit': 'public_benefit',
  'fund:education': 'education',
};

/** Where a finding points, from the context's column positions (plain data). */
export function placer(ctx: Pick<CheckContext, 'layouts'>): Where {
  return (sheet, row, column) => {
    const layout = ctx.layouts.get(sheet);
    return layout ? placeOf(layout, row, column) : { sheet, row, column, cell: null };
  };
}
