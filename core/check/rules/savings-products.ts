import type { IsoDate } from '../../calendar.ts';
import { echo, type Finding, finding } from '../../model/finding.ts';
import { thaiLabel } from '../../model/labels.ts';
import { placeOf, type Tables } from '../../model/place.ts';
import type { Rules } from '../../model/rules.ts';
import { formatBaht as baht } from '../../money.ts';
import type { CheckContext } from '../context.ts';
import { columnName, reasonText } from '../messages.ts';

/**
 * The savings products' rules (SPEC §13), on each valid savings row: a product the group offers
 * (`products`), shares in whole shares (`share_price`), a child's savings naming the child
 * (`child_products_need_beneficiary`), and sajja withdrawn only on leaving where the bylaws say
 * so (`sajja_withdrawal`: E_WITHDRAWAL_NOT_ALLOWED). A book without products is all sajja and
 * meets none of them but the last.
 */
export function checkSavingsProducts(ctx: CheckContext, rules: Rules, tables: Tables, out: Finding[]): void {
  const layout = ctx.layouts.get('savings');
  if (!layout) return;
  const leftOn = new Map<string, IsoDate | 'left'>();
  for (const { record } of tables.get('members') ?? [])
    if (
      record &&
      !leftOn.has(record.member_id) &&
      (record.left_on !== undefined || record.status !== 'active')
    )
      leftOn.set(record.member_id, record.left_on ?? 'left');
  const refused = (row: number, column: string, value: unknown, reason: string) => {
    const name = columnName({ key: column, th: layout.spec.columns.find((c) => c.key === column)!.th });
    const why = reasonText(reason);
    out.push(
      finding(
        'E_VALUE',
        placeOf(layout, row, column),
        { th: `${name.th} "${value}": ${why.th}`, en: `${name.en} "${value}": ${why.en}` },
        { value: echo(value), reason },
      ),
    );
  };
  for (const { row, record } of tables.get('savings') ?? []) {
    if (!record) continue;
    const product = record.product;
    if (!rules.products.includes(product)) {
      refused(row, 'product', thaiLabel('product', product), 'product_not_offered');
      continue;
    }
    if (product === 'shares' && rules.share_price !== undefined && record.amount % rules.share_price !== 0)
      refused(row, 'amount', baht(record.amount), 'share_multiple');
    if (product === 'child' && rules.child_products_need_beneficiary === 'yes' && !record.beneficiary) {
      const name = columnName({ key: 'beneficiary', th: 'ชื่อเด็ก (ออมเพื่อลูก)' });
      out.push(
        finding('E_REQUIRED', placeOf(layout, row, 'beneficiary'), {
          th: `เงินออมเพื่อลูกต้องระบุ${name.th}`,
          en: `a child's savings must name the child (${name.en})`,
        }),
      );
    }
    if (record.type !== 'withdrawal' || product !== 'sajja' || rules.sajja_withdrawal !== 'on_leaving')
      continue;
    const left = leftOn.get(record.member_id);
    if (left === 'left' || (left !== undefined && left <= record.date)) continue;
    out.push(
      finding(
        'E_WITHDRAWAL_NOT_ALLOWED',
        placeOf(layout, row, 'amount'),
        {
          th: `ระเบียบกลุ่มให้ถอนเงินสัจจะได้เมื่อลาออกเท่านั้น แต่สมาชิก ${record.member_id} ยังเป็นสมาชิกอยู่ (ถอน ${baht(record.amount)} บาท)`,
          en: `the bylaws allow sajja savings to be withdrawn only on leaving, and member ${record.member_id} has not left (withdrawal of ${baht(record.amount)} baht)`,
        },
        { member_id: record.member_id, amount: record.amount },
      ),
    );
  }
}
