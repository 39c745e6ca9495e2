import { account, date, enumOf, id, positiveSatang, text } from '../fields.ts';
import { RULES_SINCE } from '../rules.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Savings tab (เงินออม): its columns, their record fields and its roles, declared once. */
export const savings = defineTab(
  {
    key: 'savings',
    th: 'เงินออม',
    en: 'Savings',
    required: false,
    money: true,
    roles: { posts: true, dated: 'date', books: true, referenced: false, snapshotReference: false },
    uniqueColumns: ['receipt_no'],
  },
  {
    date: col('วันที่', 'date', date),
    member_id: col('รหัสสมาชิก', 'id', id, { ref: 'members' }),
    type: col('ประเภท', 'enum', enumOf('savings_type'), { enumeration: 'savings_type' }),
    amount: col('จำนวนเงิน', 'money', positiveSatang),
    via: col('ส่งผ่าน', 'enum', enumOf('via').optional(), { enumeration: 'via' }),
    account: col('บัญชี', 'enum', account.default('cash'), { enumeration: 'account' }),
    receipt_no: col('เลขที่ใบเสร็จ', 'id', id.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
    // savings products (SPEC §13): a book without the column is all sajja, as before
    product: col('ประเภทเงินออม', 'enum', enumOf('product').default('sajja'), {
      enumeration: 'product',
      since: RULES_SINCE,
    }),
    beneficiary: col('ชื่อเด็ก (ออมเพื่อลูก)', 'text', text.optional(), { since: RULES_SINCE }),
  },
  [],
  // in place: the checker keeps one object per row (150,000 rows make a lot of copies)
  (s) => {
    s.via ??= s.type === 'deposit' ? 'subgroup_head' : 'treasurer';
    return s;
  },
);
