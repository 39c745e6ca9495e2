import {
  formatBaht,
  METHODS,
  type Method,
  POOL_NAMES,
  POOLS,
  thaiDate,
  type YearEnd,
} from '../core/index.ts';
import { padEnd, padStart } from './text/columns.ts';
import { oneLine } from './text/inert.ts';

const METHOD_NAMES: Record<Method, { th: string; en: string }> = {
  daily: { th: 'ยอดเฉลี่ยรายวัน', en: 'daily average' },
  month_end: { th: 'ยอดสิ้นเดือน', en: 'month-end' },
  full_month: { th: 'ยอดต่ำสุดของเดือน', en: 'whole months' },
};
const EXCLUDED: Record<'left' | 'overdue', string> = {
  left: 'ลาออกก่อนสิ้นปี / left',
  overdue: 'ค้างชำระ ไม่ได้เฉลี่ยคืน / overdue: no refund',
};

const b = (satang: number) => padStart(formatBaht(satang as never), 14);

/**
 * The year-end as the committee reads it aloud at the annual meeting: the profit and loss, the
 * allocation (percent and baht), the dividend and refund rates ("ปันผลร้อยละ … ต่อปี"), then one
 * line per member under the three methods, the bylaws' own marked, and who is excluded and why.
 */
export function formatYearEnd(y: YearEnd, asOf?: string): string {
  const net = y.profit.net;
  const percent = (amount: number) => (net > 0 ? `${((amount / net) * 100).toFixed(2)}%` : '—');
  const refundBase = y.members.reduce((s, m) => s + (m.excluded === null ? m.interest_paid : 0), 0);
  const refundRate = refundBase > 0 ? ((y.totals.interest_refund / refundBase) * 100).toFixed(2) : '0.00';
  const lines = [
    `ปันผลและเฉลี่ยคืน ปีบัญชี ${y.fiscal_year + 543} (${thaiDate(y.from)} – ${thaiDate(y.to)}) / year-end ${y.fiscal_year} — ${oneLine(y.group_id)}`,
    ...(asOf !== undefined && asOf < y.to
      ? [`ปีบัญชียังไม่สิ้นสุด: ตัวเลขถึงวันที่ ${thaiDate(asOf)} เท่านั้น / the year has not ended: figures to ${asOf} only`]
      : []),
    '',
    'กำไรขาดทุน / profit and loss',
    `  ${padEnd('ดอกเบี้ยรับ / interest', 40)}${b(y.profit.interest)}`,
    `  ${padEnd('ค่าปรับ / fines', 40)}${b(y.profit.fines)}`,
    `  ${padEnd('รายได้อื่น / other income', 40)}${b(y.profit.other_income)}`,
    `  ${padEnd('รายจ่าย / other expense', 40)}${b(-y.profit.other_expense)}`,
    `  ${padEnd(net >= 0 ? 'กำไรสุทธิ / net profit' : 'ขาดทุนสุทธิ / net loss', 40)}${b(net)}`,
    '',
    'การจัดสรรกำไร / allocation',
    ...POOLS.filter((p) => y.pools[p] > 0).map(
      (p) =>
        `  ${padEnd(`${POOL_NAMES[p].th} / ${POOL_NAMES[p].en}`, 40)}${b(y.pools[p])}  ${padStart(percent(y.pools[p]), 8)}`,
    ),
    ...(net > 0 && y.pools.reserve === net
      ? [
          '  ระเบียบกลุ่มยังไม่ได้กำหนดการจัดสรรกำไร (แท็บระเบียบกลุ่ม: alloc_… หรือ allocation_preset): กำไรทั้งหมดเข้าทุนสำรอง',
          '  the bylaws give no allocation yet (rules tab: alloc_… or allocation_preset): the whole profit goes to reserve',
        ]
      : []),
    '',
    `ปันผลร้อยละ ${y.dividend_rate.toFixed(2)} ต่อปี (${METHOD_NAMES[y.method].th}) / dividend ${y.dividend_rate.toFixed(2)} % a year (${METHOD_NAMES[y.method].en})`,
    `เฉลี่ยคืนร้อยละ ${refundRate} ของดอกเบี้ยที่จ่าย / interest refund ${refundRate} % of the interest paid`,
    '',
    `${padEnd('สมาชิก / member', 12)}${METHODS.map((m) => padStart(`${m === y.method ? '*' : ''}${METHOD_NAMES[m].th}`, 16)).join('')}${padStart('เฉลี่ยคืน / refund', 18)}`,
    ...y.members.map(
      (m) =>
        `${padEnd(oneLine(m.member_id), 12)}${METHODS.map((method) => padStart(formatBaht(m.dividend[method]), 16)).join('')}${padStart(formatBaht(m.interest_refund), 18)}${m.excluded ? `  ${EXCLUDED[m.excluded]}` : ''}`,
    ),
    `${padEnd('รวม / total', 12)}${METHODS.map((method) => padStart(formatBaht(y.members.reduce((s, m) => s + m.dividend[method], 0) as never), 16)).join('')}${padStart(formatBaht(y.totals.interest_refund), 18)}`,
    '',
    `* วิธีตามระเบียบกลุ่ม / the bylaws' method. เศษที่ปัดลงเข้าทุนสำรอง / every remainder goes to reserve.`,
  ];
  return lines.join('\n');
}
