import { POOL_NAMES, POOLS, type Pool } from '../../model/rules.ts';
import { thaiDate } from '../../thai-date.ts';
import type { Method, YearEnd } from '../../year/year-end.ts';
import { baht } from './format.ts';
import { html } from './html.ts';
import { doc, S, section, th2 } from './layout.ts';

const METHOD: Record<Method, { th: string; en: string }> = {
  daily: { th: 'ยอดเฉลี่ยรายวัน', en: 'daily average balance' },
  month_end: { th: 'ยอดสิ้นเดือน', en: 'month-end balances' },
  full_month: { th: 'ยอดต่ำสุดของแต่ละเดือน', en: 'balance held all month' },
};

/**
 * The annual meeting's page (SPEC §13 `--report`): the year's profit and loss, the allocation
 * table (percent and baht), the dividend and refund rates, one line per member, and the lines the
 * chair and the treasurer sign. Thai first; fits a 360 px phone and an A4 page.
 */
export function renderYearMeeting(y: YearEnd, groupName: string, names: ReadonlyMap<string, string>): string {
  const net = y.profit.net;
  const percent = (amount: number) => (net > 0 ? `${((amount / net) * 100).toFixed(2)}%` : '—');
  const refundBase = y.members.reduce((s, m) => s + (m.excluded === null ? m.interest_paid : 0), 0);
  const refundRate = refundBase > 0 ? ((y.totals.interest_refund / refundBase) * 100).toFixed(2) : '0.00';
  const row = (th: string, en: string, amount: number, figure?: string) =>
    html`<tr><td style="${S.cell}">${th2(th, en)}</td><td style="${S.num}"${figure ? html` data-figure="${figure}"` : ''}>${baht(amount as never)}</td></tr>`;
  const pools = POOLS.filter((p: Pool) => y.pools[p] > 0);
  const body = html`
    <div style="${S.header}">
      <div style="font-size:18px;font-weight:bold">ปันผลและเฉลี่ยคืน ปีบัญชี ${y.fiscal_year + 543}</div>
      <div>${groupName} (${y.group_id})</div>
      <div style="${S.muted}">${thaiDate(y.from)} – ${thaiDate(y.to)} · year-end ${y.fiscal_year}</div>
    </div>
    ${section(
      'กำไรขาดทุน',
      'Profit and loss',
      html`<table style="${S.table}">
        ${row('ดอกเบี้ยรับ', 'Interest', y.profit.interest)}
        ${row('ค่าปรับ', 'Fines', y.profit.fines)}
        ${row('รายได้อื่น', 'Other income', y.profit.other_income)}
        ${row('รายจ่าย', 'Expenses', -y.profit.other_expense)}
        <tr><td style="${S.cell}"><b>${th2(net >= 0 ? 'กำไรสุทธิ' : 'ขาดทุนสุทธิ', net >= 0 ? 'Net profit' : 'Net loss')}</b></td><td style="${S.num}" data-figure="profit.net"><b>${baht(net)}</b></td></tr>
      </table>
      <div style="${S.muted}">เงินสวัสดิการไม่นับเป็นกำไร / welfare money is not profit</div>`,
    )}
    ${section(
      'การจัดสรรกำไรตามระเบียบกลุ่ม',
      'Allocation by the bylaws',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('รายการ', 'Pool')}</th><th style="${S.headNum}">${th2('ร้อยละ', '%')}</th><th style="${S.headNum}">${th2('บาท', 'Baht')}</th></tr>
        ${pools.map(
          (p) =>
            html`<tr><td style="${S.cell}">${th2(POOL_NAMES[p].th, POOL_NAMES[p].en)}</td><td style="${S.num}">${percent(y.pools[p])}</td><td style="${S.num}" data-figure="pools.${p}">${baht(y.pools[p])}</td></tr>`,
        )}
      </table>
      <p><b>ปันผลร้อยละ ${y.dividend_rate.toFixed(2)} ต่อปี</b> (${METHOD[y.method].th}) · <b>เฉลี่ยคืนร้อยละ ${refundRate}</b> ของดอกเบี้ยที่จ่าย<br>
      <span style="${S.muted}">dividend ${y.dividend_rate.toFixed(2)} % a year (${METHOD[y.method].en}) · interest refund ${refundRate} % of the interest paid; every remainder goes to reserve</span></p>`,
    )}
    ${section(
      'รายสมาชิก',
      'Members',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('สมาชิก', 'Member')}</th><th style="${S.headNum}">${th2('ยอดเฉลี่ย', 'Average')}</th><th style="${S.headNum}">${th2('ปันผล', 'Dividend')}</th><th style="${S.headNum}">${th2('เฉลี่ยคืน', 'Refund')}</th></tr>
        ${y.members.map(
          (m) => html`<tr>
            <td style="${S.cell}">${m.member_id} ${names.get(m.member_id) ?? ''}${m.excluded ? html`<div style="${S.muted}">${m.excluded === 'left' ? 'ลาออกก่อนสิ้นปี / left before the year end' : 'ค้างชำระ ไม่ได้เฉลี่ยคืน / overdue: no refund'}</div>` : ''}</td>
            <td style="${S.num}">${baht(m.average_balance[y.method])}</td>
            <td style="${S.num}">${baht(m.dividend[y.method])}</td>
            <td style="${S.num}">${baht(m.interest_refund)}</td>
          </tr>`,
        )}
        <tr><td style="${S.cell}" colspan="2"><b>${th2('รวม', 'Total')}</b></td><td style="${S.num}" data-figure="totals.dividend"><b>${baht(y.totals.dividend)}</b></td><td style="${S.num}" data-figure="totals.interest_refund"><b>${baht(y.totals.interest_refund)}</b></td></tr>
      </table>`,
    )}
    <div style="${S.section};display:flex;flex-wrap:wrap;gap:24px;margin-top:36px">
      <div style="flex:1;min-width:140px">ลงชื่อ ........................................<br>ประธานกลุ่ม / chair</div>
      <div style="flex:1;min-width:140px">ลงชื่อ ........................................<br>เหรัญญิก / treasurer</div>
    </div>`;
  return doc(`ปันผลและเฉลี่ยคืน ${y.fiscal_year + 543} — ${groupName}`, body);
}
