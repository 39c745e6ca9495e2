import { thaiLabel } from '../../model/labels.ts';
import { plus, sum } from '../../money.ts';
import { thaiDate } from '../../thai-date.ts';
import type { Passbook } from '../passbook.ts';
import { baht } from './format.ts';
import { html } from './html.ts';
import { doc, paperOf, S, section, th2 } from './layout.ts';

export type PaperSize = 'A5' | 'A4';

/** A member's passbook as a page to print (A5 or A4): savings lines, loans, the next installment. */
export function renderPassbook(p: Passbook, paper: PaperSize = 'A5'): string {
  const body = html`
    <div style="${S.header}">
      <div style="font-size:18px;font-weight:bold">สมุดบัญชีสมาชิก / Passbook</div>
      <div>${p.member_id} ${p.name ?? ''}</div>
      <div style="${S.muted}">${p.group_id} · ณ วันที่ ${thaiDate(p.as_of)} / as of ${p.as_of}</div>
    </div>
    ${section(
      'เงินออม',
      'Savings',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('วันที่', 'Date')}</th><th style="${S.head}">${th2('รายการ', 'Entry')}</th><th style="${S.headNum}">${th2('จำนวน', 'Amount')}</th><th style="${S.headNum}">${th2('คงเหลือ', 'Balance')}</th></tr>
        ${p.savings.map(
          (l) => html`<tr>
            <td style="${S.cell};white-space:nowrap">${thaiDate(l.date)}</td>
            <td style="${S.cell}">${l.kind === 'deposit' ? 'ฝาก' : l.kind === 'withdrawal' ? 'ถอน' : 'ปันผลและเฉลี่ยคืน'}${l.product !== 'sajja' ? html` <span style="${S.muted}">(${thaiLabel('product', l.product)})</span>` : ''}${l.errors.length > 0 ? html` <span style="color:#c0392b">✗ ${l.errors.join(', ')}</span>` : ''}</td>
            <td style="${S.num}">${l.kind === 'withdrawal' ? '−' : ''}${baht(l.amount)}</td>
            <td style="${S.num}">${baht(l.balance)}</td>
          </tr>`,
        )}
        <tr><td style="${S.cell}" colspan="3"><b>${th2('เงินออมคงเหลือ', 'Savings balance')}</b></td><td style="${S.num}" data-figure="savings_balance"><b>${baht(p.savings_balance)}</b></td></tr>
      </table>
      <div style="${S.muted}">สวัสดิการ สมทบ ${baht(p.welfare.contributed)} · รับ ${baht(p.welfare.received)} / welfare paid ${baht(p.welfare.contributed)} · received ${baht(p.welfare.received)}</div>`,
    )}
    ${p.loans.map((loan) => {
      const next = loan.next_due;
      const owed = loan.owed_today;
      const owes = owed.principal > 0 || owed.interest > 0;
      return section(
        `เงินกู้ ${loan.loan_id}`,
        `Loan ${loan.loan_id}`,
        html`<div style="${S.muted}">${baht(loan.principal)} บาท · ${loan.monthly_rate}% ต่อเดือน / a month · ${loan.term_months} งวด / months · ${thaiDate(loan.disbursed_on)}</div>
        <table style="${S.table}">
          <tr><th style="${S.head}">${th2('วันที่', 'Date')}</th><th style="${S.headNum}">${th2('เงินต้น', 'Principal')}</th><th style="${S.headNum}">${th2('ดอกเบี้ย', 'Interest')}</th><th style="${S.headNum}">${th2('ค่าปรับ', 'Fine')}</th></tr>
          ${loan.repayments.map(
            (r) =>
              html`<tr><td style="${S.cell};white-space:nowrap">${thaiDate(r.date)}${r.errors.length > 0 ? html` <span style="color:#c0392b">✗</span>` : ''}</td><td style="${S.num}">${baht(r.principal)}</td><td style="${S.num}">${baht(r.interest)}</td><td style="${S.num}">${baht(r.fine)}</td></tr>`,
          )}
        </table>
        <table style="${S.table}">
          <tr><td style="${S.cell}">${th2('คงค้าง', 'Outstanding')}</td><td style="${S.num}" data-figure="loan.${loan.loan_id}.outstanding">${baht(loan.outstanding)}</td></tr>
          ${owes ? html`<tr><td style="${S.cell};color:#c0392b">${th2(`ต้องชำระวันนี้ (ค้าง ${owed.instalments} งวด)`, `Owed today (${owed.instalments} instalment${owed.instalments === 1 ? '' : 's'} behind)`)}</td><td style="${S.num};color:#c0392b" data-figure="loan.${loan.loan_id}.owed_today">${baht(plus(owed.principal, owed.interest))} <span style="${S.muted}">(${th2(`ต้น ${baht(owed.principal)} + ดอกเบี้ย ${baht(owed.interest)}`, `principal ${baht(owed.principal)} + interest ${baht(owed.interest)}`)})</span></td></tr>` : ''}
          <tr><td style="${S.cell}">${th2('งวดถัดไป', 'Next installment')}</td><td style="${S.num}" data-figure="loan.${loan.loan_id}.next_due">${next ? `${thaiDate(next.date)} · ${baht(next.principal)} + ดอกเบี้ย ${baht(loan.next_interest)}` : loan.outstanding > 0 ? 'ครบกำหนดทุกงวดแล้ว / every instalment is due' : 'ชำระครบแล้ว / repaid'}</td></tr>
          ${loan.days_overdue > 0 ? html`<tr><td style="${S.cell};color:#c0392b">${th2('ค้างชำระ', 'Overdue')}</td><td style="${S.num};color:#c0392b">${loan.days_overdue} วัน / days</td></tr>` : ''}
        </table>`,
      );
    })}
    ${
      p.buyouts.length === 0
        ? ''
        : section(
            'ปลดหนี้',
            'Debts bought out',
            html`<table style="${S.table}">
          <tr><th style="${S.head}">${th2('เจ้าหนี้', 'Lender')}</th><th style="${S.headNum}">${th2('เจ้าหนี้แจ้ง', 'Claimed')}</th><th style="${S.headNum}">${th2('กลุ่มจ่าย', 'Paid')}</th><th style="${S.headNum}">${th2('ลดได้', 'Reduced')}</th></tr>
          ${p.buyouts.map(
            (b) =>
              html`<tr data-buyout="${b.row}"><td style="${S.cell}">${b.creditor} <span style="${S.muted}">${thaiDate(b.date)} · ${b.loan_id}</span></td><td style="${S.num}">${baht(b.claimed)}</td><td style="${S.num}">${baht(b.paid)}</td><td style="${S.num}">${baht(b.reduced)}</td></tr>`,
          )}
        </table>
        <div style="${S.muted}">ดอกเบี้ยที่ไม่ต้องจ่ายแล้วต่อเดือน / interest no longer paid a month: ${baht(sum(p.buyouts.map((b) => b.interest_saved_monthly)))}</div>`,
          )
    }
    ${p.years.map((y) =>
      section(
        `ปีบัญชี ${y.fiscal_year + 543}`,
        `Year ${y.fiscal_year}`,
        html`<table style="${S.table}">
          ${Object.entries(y.savings_by_product).map(
            ([product, amount]) =>
              html`<tr><td style="${S.cell}">${th2(`เงินออม${thaiLabel('product', product)} ณ ${thaiDate(y.to)}`, `${product} savings at ${y.to}`)}</td><td style="${S.num}">${baht(amount)}</td></tr>`,
          )}
          <tr><td style="${S.cell}">${th2('เงินปันผล', 'Dividend')}</td><td style="${S.num}" data-figure="year.${y.fiscal_year}.dividend">${baht(y.dividend)}</td></tr>
          <tr><td style="${S.cell}">${th2('เงินเฉลี่ยคืน', 'Interest refund')}</td><td style="${S.num}" data-figure="year.${y.fiscal_year}.interest_refund">${baht(y.interest_refund)}</td></tr>
          <tr><td style="${S.cell}">${th2('สวัสดิการที่ได้รับ', 'Welfare received')}</td><td style="${S.num}">${baht(y.welfare_received)}</td></tr>
        </table>`,
      ),
    )}
    ${p.left_out.length > 0 ? html`<div style="${S.muted};margin-top:10px">ไม่ได้ลงบัญชีจนกว่าจะแก้ / left out until fixed: ${p.left_out.map((r) => `${r.sheet} ${r.row}`).join(', ')}</div>` : ''}`;
  return doc(`${p.member_id} — passbook`, body, paperOf(paper));
}
