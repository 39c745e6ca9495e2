import { thaiDate, thaiMonth } from '../../thai-date.ts';
import type { HouseholdView } from '../household-view.ts';
import { baht, percent } from './format.ts';
import { html } from './html.ts';
import { doc, paperOf, S, section, th2 } from './layout.ts';
import type { PaperSize } from './passbook-page.ts';
import { plansTable, pledgeBlock } from './plans.ts';

/** The way out in words: a month, no debt, or why there is no date. */
export function wayOutText(h: Pick<HouseholdView, 'debt_free' | 'debt_free_month' | 'months_to_debt_free'>): {
  th: string;
  en: string;
} {
  if (h.debt_free === 'debt_free') return { th: 'ไม่มีหนี้', en: 'no debt' };
  if (h.debt_free === 'months' && h.debt_free_month)
    return {
      th: `ปลดหนี้ได้ ${thaiMonth(h.debt_free_month)}${h.months_to_debt_free === null ? '' : ` (อีก ${h.months_to_debt_free} เดือน)`}`,
      en: `debt-free by ${h.debt_free_month}${h.months_to_debt_free === null ? '' : ` (${h.months_to_debt_free} months)`}`,
    };
  if (h.debt_free === 'not_at_this_payment')
    return {
      th: 'ยังปลดไม่ได้ที่ยอดผ่อนนี้ (ผ่อนไม่พอดอกเบี้ย)',
      en: 'not at this payment (it does not cover the interest)',
    };
  return { th: 'ไม่มีข้อมูลการผ่อน', en: 'no data (no survey or no payments)' };
}

/**
 * A household's page to print (A4 by default, readable on a phone): its book by month, its debts
 * in payoff order and the way out, each family plan against what it did, and the pledge its book
 * suggests beside the one each member made.
 */
export function renderHouseholdPage(h: HouseholdView, paper: PaperSize = 'A4'): string {
  const out = wayOutText(h);
  const body = html`
    <div style="${S.header}">
      <div style="font-size:18px;font-weight:bold">บัญชีและแผนครอบครัว / Household book and plan</div>
      <div>${h.household_id} ${h.head_name ?? ''}</div>
      <div style="${S.muted}">${h.group_id} · ณ วันที่ ${thaiDate(h.as_of)} / as of ${h.as_of}</div>
    </div>
    ${section(
      'รายรับรายจ่าย',
      'Income and spending',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('เดือน', 'Month')}</th><th style="${S.headNum}">${th2('รายรับ', 'Income')}</th><th style="${S.headNum}">${th2('รายจ่าย', 'Spending')}</th><th style="${S.headNum}">${th2('เหล้า บุหรี่ หวย', 'Reducible')}</th></tr>
        ${h.months.map(
          (m) =>
            html`<tr><td style="${S.cell};white-space:nowrap">${thaiMonth(m.month)}</td><td style="${S.num}">${baht(m.income)}</td><td style="${S.num}">${baht(m.expense)}</td><td style="${S.num}">${baht(m.reducible)}</td></tr>`,
        )}
        <tr><td style="${S.cell}"><b>${th2('เฉลี่ยต่อเดือน', 'Average a month')}</b></td><td style="${S.num}">${baht(h.average.income)}</td><td style="${S.num}">${baht(h.average.expense)}</td><td style="${S.num}">${baht(h.average.reducible)}</td></tr>
      </table>
      <div style="${S.muted}">เหลือเก็บต่อเดือน / net a month ${baht(h.average.net)}${h.savings_rate === null ? '' : ` (${percent(h.savings_rate)})`}</div>`,
    )}
    ${section(
      'หนี้สินและทางออก',
      'Debts and the way out',
      html`<table style="${S.table}">
        <tr><th style="${S.head}">${th2('เจ้าหนี้ (ดอกเบี้ยสูงก่อน)', 'Lender (highest rate first)')}</th><th style="${S.headNum}">${th2('คงค้าง', 'Owed')}</th><th style="${S.headNum}">${th2('ผ่อน/เดือน', 'A month')}</th></tr>
        ${h.debts.map(
          (d) =>
            html`<tr><td style="${S.cell}">${d.creditor}<div style="${S.muted}">${d.yearly_rate === null ? 'ไม่ทราบดอกเบี้ย / rate unknown' : `${d.yearly_rate}% ต่อปี / a year`}</div></td><td style="${S.num}">${baht(d.outstanding)}</td><td style="${S.num}">${d.monthly_payment === null ? '—' : baht(d.monthly_payment)}</td></tr>`,
        )}
        <tr><td style="${S.cell}"><b>${th2('หนี้รวม', 'Total debt')}</b></td><td style="${S.num}"><b>${baht(h.total_debt)}</b></td><td style="${S.num}"></td></tr>
      </table>
      <div data-figure="debt_free_month" style="margin-top:4px">${th2(out.th, out.en)}</div>`,
    )}
    ${h.plans.length === 0 ? '' : section('แผนครอบครัว', 'Family plans', plansTable(h.plans))}
    ${section('สัจจะออมที่แนะนำ', 'A suggested pledge', pledgeBlock(h.suggested_pledge))}
    ${
      h.buyouts.length === 0
        ? ''
        : section(
            'ปลดหนี้โดยกลุ่ม',
            'Debts the group bought out',
            html`<table style="${S.table}">${h.buyouts.map(
              (b) =>
                html`<tr><td style="${S.cell}">${b.creditor} <span style="${S.muted}">${thaiDate(b.date)}</span></td><td style="${S.num}">${baht(b.claimed)} → ${baht(b.paid)}</td></tr>`,
            )}</table>`,
          )
    }
    ${h.left_out.length > 0 ? html`<div style="${S.muted};margin-top:10px">ไม่ได้นับจนกว่าจะแก้ / left out until fixed: ${h.left_out.map((r) => `${r.sheet} ${r.row}`).join(', ')}</div>` : ''}`;
  return doc(`${h.household_id} — household`, body, paperOf(paper));
}
