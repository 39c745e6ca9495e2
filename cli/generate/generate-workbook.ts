import {
  addDays,
  addMonths,
  type CellValue,
  checkBooks,
  DEFAULT_ZONE,
  fiscalYear,
  SETTING_SPECS,
  type SheetTab,
  TABS,
  type TabKey,
  templateTabName,
  type Workbook,
  withYearEndRows,
  yearEnd,
} from '../../core/index.ts';
import { GroupMoney } from './group-money.ts';
import { CREDITORS, FAMILY_NAMES, GIVEN_NAMES } from './names.ts';
import { random } from './random.ts';
import { date, type MemberState } from './rows.ts';

export interface GenerateOptions {
  groupId: string;
  groupName: string;
  /** Number of households; sub-groups of five are formed from them. */
  households: number;
  /** First month of the books, `YYYY-MM`; the books open on its first day. */
  start: string;
  months: number;
  seed: number;
  /** Survey informal debts with their real rates (20% a month), which W_RATE_ABOVE_LEGAL flags. */
  usuriousRates?: boolean;
  /**
   * The group's year (SPEC §13): bylaws (products, a share price, the cooperative allocation),
   * members buying a share each month and some saving voluntarily besides their sajja.
   */
  products?: boolean;
}

/**
 * Generates a realistic group workbook: sub-groups of five households, members saving every
 * day through their sub-group head, weekly remittances, loan requests, loans and repayments,
 * welfare, the group's other income and expenses, month-end cash counts that agree with the
 * books, household accounts, debt surveys and family plans. Clean: it passes `sajja check`.
 */
export function generateWorkbook(options: GenerateOptions): Workbook {
  const rnd = random(options.seed);
  const opening = `${options.start}-01`;
  const end = addDays(addMonths(opening, options.months), -1);
  const rows = new Map<TabKey, CellValue[][]>();
  const add = (tab: TabKey, record: Record<string, CellValue>) => {
    const spec = TABS.find((t) => t.key === tab)!;
    let list = rows.get(tab);
    if (!list) {
      list = [];
      rows.set(tab, list);
    }
    list.push(spec.columns.map((c) => record[c.key] ?? null));
  };

  /** Each household's informal lenders, surveyed before the books open: what a buy-out pays off. */
  const informal = new Map<string, { creditor: string; outstanding: number }[]>();

  // people
  const members: MemberState[] = [];
  const subgroupCount = Math.ceil(options.households / 5);
  for (let s = 1; s <= subgroupCount; s++) {
    const subgroup = `SG${String(s).padStart(2, '0')}`;
    let head = '';
    for (let h = 1; h <= 5 && (s - 1) * 5 + h <= options.households; h++) {
      const household = `H${String((s - 1) * 5 + h).padStart(3, '0')}`;
      const family = rnd.pick(FAMILY_NAMES);
      const size = rnd.int(2, 6);
      const adults = Math.min(size, rnd.int(1, 3));
      for (let a = 0; a < adults; a++) {
        const id = `M${String(members.length + 1).padStart(4, '0')}`;
        if (!head) head = id;
        const role =
          id === head
            ? 'หัวหน้ากลุ่มย่อย'
            : members.length === 1
              ? 'เหรัญญิก'
              : members.length === 2
                ? 'ประธาน'
                : 'สมาชิก';
        members.push({ id, household, subgroup, savings: 0 });
        add('members', {
          member_id: id,
          name: `${rnd.pick(GIVEN_NAMES)} ${family}`,
          household_id: household,
          role,
          joined_on: date(addDays(opening, -rnd.int(0, 60))),
          ...(options.products
            ? { born_on: date(`${rnd.int(1950, 1995)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`) }
            : {}),
          savings_pledge: rnd.pick([300, 600, 900]),
          phone: `08${rnd.int(10000000, 99999999)}`,
        });
      }
      add('households', {
        household_id: household,
        subgroup_id: subgroup,
        head_name: `${rnd.pick(GIVEN_NAMES)} ${family}`,
        village: 'หมู่ 11 บ้านกำโลน',
        size,
      });
      surveyDebts(household);
      add('family_plans', {
        household_id: household,
        goal: rnd.pick(['ปลดหนี้นอกระบบ', 'ออมเงินให้ลูกเรียน', 'ซ่อมบ้าน', 'ลดหนี้ ธ.ก.ส.']),
        target_amount: rnd.int(5, 50) * 1000,
        target_date: date(addMonths(opening, 24)),
        monthly_saving: rnd.pick([300, 500, 900]),
        expense_cut_category: rnd.pick(['เหล้าบุหรี่', 'หวย']),
        expense_cut_amount: rnd.pick([200, 300, 500]),
      });
    }
    add('subgroups', { subgroup_id: subgroup, name: `กลุ่มย่อยที่ ${s}`, head_member_id: head });
  }

  function surveyDebts(household: string) {
    for (let k = rnd.int(1, 3); k > 0; k--) {
      const creditor = rnd.pick(CREDITORS);
      const usurious = creditor.period === 'ต่อเดือน';
      const outstanding = rnd.int(5, 120) * 1000;
      const entry = {
        household_id: household,
        creditor: creditor.name,
        creditor_type: creditor.type,
        interest_rate: usurious && !options.usuriousRates ? null : creditor.rate,
        rate_period: creditor.period,
        note: usurious && !options.usuriousRates ? `ดอกร้อยละ ${creditor.rate} ต่อเดือน (ไม่แน่ใจ)` : null,
      };
      if (creditor.period === 'ต่อเดือน')
        informal.set(household, [
          ...(informal.get(household) ?? []),
          { creditor: creditor.name, outstanding },
        ]);
      add('debt_survey', {
        ...entry,
        survey_date: date(addDays(opening, -7)),
        outstanding,
        monthly_payment: Math.round(outstanding / 24),
        overdue_months: rnd.int(0, 3),
      });
      if (options.months >= 3) {
        add('debt_survey', {
          ...entry,
          survey_date: date(addMonths(opening, options.months - 1)),
          outstanding: Math.round(outstanding * 0.85),
          monthly_payment: Math.round(outstanding / 24),
          overdue_months: 0,
        });
      }
    }
  }

  const money = new GroupMoney(rnd, members, add, options.products === true);
  for (let day = opening; day <= end; day = addDays(day, 1)) {
    money.day(day);
    householdAccounts(day, Number(day.slice(8)));
  }

  function householdAccounts(day: string, dom: number) {
    if (![1, 8, 15, 22].includes(dom)) return;
    const households = Math.ceil(options.households);
    for (let h = 1; h <= households; h++) {
      const household = `H${String(h).padStart(3, '0')}`;
      const row = (type: string, category: string, amount: number) =>
        add('household_accounts', { date: date(day), household_id: household, type, category, amount });
      if (dom === 1) row('รายรับ', rnd.pick(['ทำสวน', 'รับจ้าง', 'ค้าขาย']), rnd.int(30, 90) * 100);
      row('รายจ่าย', 'อาหาร', rnd.int(5, 15) * 100);
      if (rnd.chance(0.5)) row('รายจ่าย', rnd.pick(['เหล้าบุหรี่', 'หวย']), rnd.int(1, 5) * 50);
    }
  }

  if (options.products) buyOut();

  /**
   * A loan to pay off the loan shark (SPEC §14): the first loan of each household with an
   * informal lender pays that lender what the loan lent, against the lender's claim with a month
   * of interest, the household having paid a few months' interest before.
   */
  function buyOut() {
    const loans = TABS.find((t) => t.key === 'loans')!.columns.map((c) => c.key);
    const at = (key: string) => loans.indexOf(key);
    const householdOf = new Map(members.map((m) => [m.id, m.household]));
    for (const loan of rows.get('loans') ?? []) {
      const household = householdOf.get(String(loan[at('member_id')]));
      const debt = household === undefined ? undefined : informal.get(household)?.shift();
      if (!debt) continue;
      const principal = Number(loan[at('principal')]);
      add('debt_buyouts', {
        date: loan[at('disbursed_on')] ?? null,
        loan_id: loan[at('loan_id')] ?? null,
        creditor: debt.creditor,
        claimed: Math.round(principal * 1.2),
        paid: principal,
        interest_paid_before: Math.round(debt.outstanding * 0.1) * 3,
        receipt_no: `B${String((rows.get('debt_buyouts')?.length ?? 0) + 1).padStart(4, '0')}`,
      });
      // the survey after it no longer lists the debt paid off
      const survey = TABS.find((t) => t.key === 'debt_survey')!.columns.map((c) => c.key);
      const [h, c, d] = ['household_id', 'creditor', 'survey_date'].map((k) => survey.indexOf(k));
      rows.set(
        'debt_survey',
        (rows.get('debt_survey') ?? []).filter(
          (r) =>
            !(
              r[h!] === household &&
              r[c!] === debt.creditor &&
              Number(r[d!]) > Number(loan[at('disbursed_on')])
            ),
        ),
      );
    }
  }

  const settings: Record<string, CellValue> = {
    group_id: options.groupId,
    group_name: options.groupName,
    province: 'นครศรีธรรมราช',
    district: 'ลานสกา',
    subdistrict: 'กำโลน',
    village: 'หมู่ 11',
    coordinator_emails: 'coordinator@example.org',
    calendar: 'พ.ศ.',
    timezone: DEFAULT_ZONE,
    opening_date: date(opening),
    opening_cash: 5000,
    opening_bank: 20000,
    max_households_per_subgroup: 5,
    remit_within_days: 7,
  };
  const tabs: SheetTab[] = TABS.map((spec) => {
    const header: CellValue[] = spec.columns.map((c) => `${c.th} (${c.key})`);
    if (spec.key === 'settings') {
      const body = SETTING_SPECS.filter((s) => settings[s.key] !== undefined).map((s) => [
        `${s.th} (${s.key})`,
        settings[s.key] ?? null,
      ]);
      return { name: templateTabName(spec), rows: [header, ...body] };
    }
    if (spec.key === 'rules' && options.products)
      return {
        name: templateTabName(spec),
        rows: [
          header,
          ['ประเภทเงินออม (products)', 'สัจจะ, หุ้น, ออมพิเศษ'],
          // the generated members withdraw sajja while they are members
          ['ถอนเงินสัจจะได้ (sajja_withdrawal)', 'ได้ทุกเมื่อ'],
          ['ราคาหุ้นละ (บาท) (share_price)', 50],
          ['แบบการจัดสรรกำไร (allocation_preset)', 'สหกรณ์'],
          // welfare by the Chamuang table, the group's own sickness row over it, 30 baht a month
          ['ระเบียบสวัสดิการตามแบบ (welfare_preset)', 'ชะมวง'],
          ['เงินสมทบสวัสดิการต่อเดือน (บาท) (welfare_contribution_monthly)', 30],
        ],
      };
    if (spec.key === 'welfare_rules' && options.products)
      return {
        name: templateTabName(spec),
        rows: [
          header,
          spec.columns.map(
            (c) =>
              ({
                benefit: 'เจ็บป่วย',
                amount: 200,
                unit: 'คืน',
                max_per_claim: 600,
                max_per_year: 1000,
                claim_within_days: 30,
              })[c.key] ?? null,
          ),
        ],
      };
    return { name: templateTabName(spec), rows: [header, ...(rows.get(spec.key) ?? [])] };
  });
  return options.products ? sharedOut({ tabs }, opening, end) : { tabs };
}

/**
 * Each fiscal year of the books that ended at least two weeks before their last day, shared out at
 * a meeting on the 15th after it (the bylaws' figures written as year-end rows): the year, its
 * rows and their postings are in every generated book that spans one.
 */
function sharedOut(workbook: Workbook, opening: string, end: string): Workbook {
  let book = workbook;
  for (let year = Number(opening.slice(0, 4)); ; year++) {
    const checked = checkBooks(book, { asOf: end });
    const { to } = fiscalYear(checked.book.rules, year);
    const meeting = addDays(to, 15);
    if (meeting > end) return book;
    if (to < opening) continue;
    book = withYearEndRows(book, yearEnd(checked, year), meeting, 'buddhist');
  }
}
