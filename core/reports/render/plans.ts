import { thaiLabel } from '../../model/labels.ts';
import { thaiMonth } from '../../thai-date.ts';
import type { PlanProgress, SuggestedPledge } from '../household-plans.ts';
import { baht, percent, signedBaht } from './format.ts';
import { type Html, html } from './html.ts';
import { S, th2 } from './layout.ts';

/** Months ahead or behind as a household reads it: `ล่วงหน้า 1.5 เดือน / 1.5 months ahead`. */
export function aheadText(n: number | null): { th: string; en: string } {
  if (n === null) return { th: 'ยังวัดไม่ได้', en: 'not measured yet' };
  if (n === 0) return { th: 'ตรงตามแผน', en: 'on plan' };
  const m = Math.abs(n).toFixed(1);
  return n > 0
    ? { th: `ล่วงหน้า ${m} เดือน`, en: `${m} months ahead` }
    : { th: `ช้ากว่าแผน ${m} เดือน`, en: `${m} months behind` };
}

/** The month a plan's target is now forecast to be reached, and whether that is by its date. */
export function forecastText(p: PlanProgress): { th: string; en: string } {
  if (p.target_amount === null) return { th: '—', en: '—' };
  if (p.target_forecast === null) return { th: 'ยังไม่มีเงินออม', en: 'nothing saved yet' };
  const late =
    p.on_track === false ? { th: ' (เลยกำหนด)', en: ' (after the target date)' } : { th: '', en: '' };
  return {
    th: `ถึงเป้า ${thaiMonth(p.target_forecast)}${late.th}`,
    en: `target reached ${p.target_forecast}${late.en}`,
  };
}

/** The expense cut promised against the book: `ลด 300.00 จาก 1,000.00 → 700.00 (แผน 500.00)`. */
export function cutText(p: PlanProgress): { th: string; en: string } | null {
  const c = p.expense_cut;
  if (!c) return null;
  const what = thaiLabel('expense_category', c.category);
  if (c.cut === null)
    return {
      th: `ลด${what} ${baht(c.planned)}/เดือน: ยังไม่มีบัญชีครัวเรือน${c.before === null ? 'ก่อนเริ่มแผน' : 'หลังเริ่มแผน'}`,
      en: `cut ${c.category} by ${baht(c.planned)} a month: no household book ${c.before === null ? 'before the plan' : 'since it began'}`,
    };
  return {
    th: `ลด${what}: เฉลี่ย ${baht(c.before!)} → ${baht(c.since!)} ต่อเดือน (ลดได้ ${signedBaht(c.cut)} จากแผน ${baht(c.planned)})`,
    en: `${c.category}: ${baht(c.before!)} → ${baht(c.since!)} a month on average (cut ${signedBaht(c.cut)} of ${baht(c.planned)} planned)`,
  };
}

/** Where the plan began, said plainly (its own date, or the household's first member's joining). */
const beganText = (p: PlanProgress) =>
  p.began === null
    ? { th: 'ไม่ทราบวันเริ่ม', en: 'start unknown' }
    : p.began_from === 'plan'
      ? { th: `เริ่ม ${thaiMonth(p.began.slice(0, 7))}`, en: `since ${p.began.slice(0, 7)}` }
      : {
          th: `นับจากวันสมัคร ${thaiMonth(p.began.slice(0, 7))}`,
          en: `since joining ${p.began.slice(0, 7)}`,
        };

/** A plan's rows of a report table: saved against the target and the pace, ahead or behind, the cut. */
export function planRows(plans: readonly PlanProgress[], prefix: Html | string = ''): Html {
  return html`${plans.map((p) => {
    const ahead = aheadText(p.months_ahead);
    const cut = cutText(p);
    const forecast = forecastText(p);
    const began = beganText(p);
    return html`<tr data-plan="${p.row}">
      <td style="${S.cell}">${prefix}<b>${p.goal}</b><div style="${S.muted}">${began.th} · ${p.months} เดือน / ${began.en} · ${p.months} months${p.pace === null ? '' : ` · ${baht(p.pace)}/เดือน a month`}</div>${cut ? html`<div style="${S.muted}" data-figure="plan.${p.row}.cut">${cut.th} / ${cut.en}</div>` : ''}</td>
      <td style="${S.num};white-space:normal" data-figure="plan.${p.row}.saved">${baht(p.saved)}${p.target_amount === null ? '' : html`<div style="${S.muted}">${th2(`จาก ${baht(p.target_amount)}${p.target_share === null ? '' : ` (${percent(p.target_share)})`}`, forecast.en)}</div><div style="${S.muted}">${forecast.th}</div>`}</td>
      <td style="${S.num};white-space:normal;color:${p.months_ahead !== null && p.months_ahead < 0 ? '#c0392b' : '#222'}" data-figure="plan.${p.row}.months_ahead">${th2(ahead.th, ahead.en)}</td>
    </tr>`;
  })}`;
}

/** The table of a household's plans. */
export const plansTable = (plans: readonly PlanProgress[]): Html =>
  html`<table style="${S.table}">
    <tr><th style="${S.head}">${th2('แผน', 'Plan')}</th><th style="${S.headNum}">${th2('ออมได้', 'Saved')}</th><th style="${S.headNum}">${th2('เทียบแผน', 'Against the plan')}</th></tr>
    ${planRows(plans)}
  </table>`;

/** The pledge the book suggests, beside what each member pledged (never written over it). */
export function pledgeBlock(s: SuggestedPledge | null): Html {
  if (s === null)
    return html`<div style="${S.muted}">ยังไม่มีบัญชีครัวเรือนให้คำนวณสัจจะที่แนะนำ / no household book yet to suggest a pledge from</div>`;
  return html`<table style="${S.table}">
    <tr><td style="${S.cell}">${th2(`เหลือเก็บเฉลี่ย ${s.months} เดือน`, `surplus, ${s.months}-month average`)}</td><td style="${S.num}">${baht(s.surplus)}</td></tr>
    <tr><td style="${S.cell}">${th2('หนี้ต้องผ่อนต่อเดือน (สำรวจ) / ผ่อนจริงในบัญชี', 'debts need a month (survey) / paid in the book')}</td><td style="${S.num}">${baht(s.debt_needed)} / ${baht(s.debt_paid)}</td></tr>
    <tr><td style="${S.cell}"><b>${th2('ครัวเรือนออมได้ต่อเดือน', 'the household can save a month')}</b></td><td style="${S.num}" data-figure="suggested_pledge.household"><b>${baht(s.household)}</b></td></tr>
    ${s.members.map(
      (m) =>
        html`<tr data-member="${m.member_id}"><td style="${S.cell}">${m.member_id}</td><td style="${S.num}">${th2(`สัจจะ ${m.savings_pledge === null ? '—' : baht(m.savings_pledge)} · แนะนำ ${baht(m.suggested)}`, `pledge ${m.savings_pledge === null ? '—' : baht(m.savings_pledge)} · suggested ${baht(m.suggested)}`)}</td></tr>`,
    )}
  </table>
  <div style="${S.muted}">ข้อแนะนำเท่านั้น ไม่ได้แก้สัจจะที่สมาชิกตั้งไว้ / a suggestion only: the pledge a member made is never changed</div>`;
}

/** A plan as text lines (the CLI and the email's text part). */
export function planLines(plans: readonly PlanProgress[], indent = '  '): string[] {
  return plans.flatMap((p) => {
    const ahead = aheadText(p.months_ahead);
    const cut = cutText(p);
    const forecast = forecastText(p);
    const began = beganText(p);
    return [
      `${indent}${p.goal} — ${began.th} / ${began.en}, ${p.months} เดือน / months`,
      `${indent}  ออมได้ / saved ${baht(p.saved)}${p.target_amount === null ? '' : ` จาก / of ${baht(p.target_amount)}${p.target_share === null ? '' : ` (${percent(p.target_share)})`} · ${forecast.th} / ${forecast.en}`} · ${ahead.th} / ${ahead.en}`,
      ...(cut ? [`${indent}  ${cut.th} / ${cut.en}`] : []),
    ];
  });
}
