import {
  addDays,
  type CellValue,
  type Installment,
  loanSchedule,
  monthlyInterest,
  satang,
  type TabKey,
} from '../../core/index.ts';
import type { random } from './random.ts';
import { baht, date, type MemberState } from './rows.ts';

interface LoanState {
  id: string;
  member: string;
  disbursed: string;
  principal: number;
  term: number;
  rate: number;
  paid: number;
  installment: number;
  /** The core's equal-principal schedule: the generator repays exactly what the checker expects. */
  schedule: Installment[];
}

interface PendingRequest {
  id: string;
  member: string;
  amount: number;
  decide: string;
}

/**
 * The group's money, day by day, in satang: each activity is a method that writes its rows and
 * keeps cash, bank and the heads' holdings so that the month-end counts agree with the books.
 * The activities run in a fixed order each day, so a seed always gives the same book.
 */
export class GroupMoney {
  private cash = 500_000;
  /** The welfare fund: a payout is made only from what members contributed. */
  private fund = 0;
  private bank = 2_000_000;
  private readonly transit = new Map<string, number>();
  private readonly loans: LoanState[] = [];
  private readonly pending: PendingRequest[] = [];
  private receipt = 0;
  private requestNo = 0;
  /** The first day of the books: a member may claim a benefit 180 days after it (the table's rule). */
  private first: string | undefined;
  /** What each member was paid for sickness in each year, kept within the table's 1,000 a year. */
  private readonly sickness = new Map<string, number>();

  constructor(
    private readonly rnd: ReturnType<typeof random>,
    private readonly members: MemberState[],
    private readonly add: (tab: TabKey, record: Record<string, CellValue>) => void,
    private readonly products = false,
  ) {}

  /** One day of the group: the activities of that day of the month, in order. */
  day(day: string): void {
    const dom = Number(day.slice(8));
    this.first ??= day;
    const lastOfMonth = addDays(day, 1).slice(8) === '01';
    this.collectSavings(day);
    if (this.products && dom === 2) this.buyShares(day);
    if (this.products && dom === 10) this.saveVoluntarily(day);
    if (dom % 7 === 0 || lastOfMonth) this.remit(day);
    if (dom === 1) this.welfareContributions(day);
    if (dom === 5) this.loanRequests(day);
    this.disburseLoans(day);
    this.collectRepayments(day);
    if (dom === 15) this.withdrawal(day);
    if (dom === 20) this.welfarePayout(day);
    if (dom === 25) this.stationery(day);
    if (dom === 26) this.bankInterest(day);
    if (dom === 28) this.depositToBank(day);
    if (lastOfMonth) this.countMoney(day);
  }

  private nextReceipt(): string {
    return `R${String(++this.receipt).padStart(6, '0')}`;
  }

  /** Most members save a little every day; the sub-group head collects it. */
  private collectSavings(day: string): void {
    for (const m of this.members) {
      if (!this.rnd.chance(0.8)) continue;
      const amount = this.rnd.pick([1000, 2000, 2000, 3000, 5000]);
      m.savings += amount;
      this.headCollects(day, m, amount);
    }
  }

  /** A share a month (50 baht), through the sub-group head. */
  private buyShares(day: string): void {
    for (const m of this.members) this.headCollects(day, m, 5000, 'หุ้น');
  }

  /** A third of the members put something aside besides their sajja. */
  private saveVoluntarily(day: string): void {
    for (const m of this.members)
      if (this.rnd.chance(0.3)) this.headCollects(day, m, this.rnd.pick([5000, 10000]), 'ออมพิเศษ');
  }

  /** A deposit the sub-group head collects (sajja unless a product is named), held until remitted. */
  private headCollects(day: string, m: MemberState, amount: number, product?: string): void {
    this.transit.set(m.subgroup, (this.transit.get(m.subgroup) ?? 0) + amount);
    this.add('savings', {
      date: date(day),
      member_id: m.id,
      type: 'ฝาก',
      amount: baht(amount),
      via: 'หัวหน้ากลุ่มย่อย',
      ...(product ? { product } : {}),
    });
  }

  /** Each head hands over what was collected, weekly and at the month's end. */
  private remit(day: string): void {
    for (const [subgroup, amount] of this.transit) {
      if (amount === 0) continue;
      this.cash += amount;
      this.transit.set(subgroup, 0);
      this.add('remittances', {
        date: date(day),
        subgroup_id: subgroup,
        amount: baht(amount),
        account: 'เงินสด',
        received_by: 'เหรัญญิก',
      });
    }
  }

  private welfareContributions(day: string): void {
    for (const m of this.members) {
      this.cash += 3000;
      this.fund += 3000;
      this.add('welfare', { date: date(day), member_id: m.id, type: 'สมทบ', amount: 30, account: 'เงินสด' });
    }
    if (!this.products) return;
    // the subdistrict matches the members' baht a day one to one (CODI's model, SPEC §14)
    const matched = 3000 * this.members.length;
    this.cash += matched;
    this.fund += matched;
    this.add('welfare', {
      date: date(day),
      type: 'เงินสมทบจากรัฐ',
      amount: baht(matched),
      account: 'เงินสด',
      source: 'อบต.กำโลน',
    });
  }

  /** A few members ask for a loan on the 5th; the committee approves five days later. */
  private loanRequests(day: string): void {
    for (let k = Math.max(1, Math.round(this.members.length / 40)); k > 0; k--) {
      const m = this.rnd.pick(this.members);
      const id = `REQ${String(++this.requestNo).padStart(4, '0')}`;
      const amount = this.rnd.int(3, 20) * 100_000;
      this.pending.push({ id, member: m.id, amount, decide: addDays(day, 5) });
      this.add('loan_requests', {
        request_id: id,
        date: date(day),
        member_id: m.id,
        amount: baht(amount),
        purpose: this.rnd.pick(['แก้หนี้', 'ประกอบอาชีพ', 'การศึกษา']),
        status: 'อนุมัติ',
        decided_on: date(addDays(day, 5)),
      });
    }
  }

  /** Approved loans are paid out in cash, drawing on the bank when the cash box is short. */
  private disburseLoans(day: string): void {
    for (const request of this.pending.filter((p) => p.decide === day)) {
      if (this.cash < request.amount + 200_000) {
        if (this.bank < request.amount) continue;
        this.bank -= request.amount;
        this.cash += request.amount;
        this.add('other', {
          date: date(day),
          type: 'โอน',
          category: 'ถอนเงินธนาคาร',
          amount: baht(request.amount),
          account: 'ธนาคาร',
          to_account: 'เงินสด',
        });
      }
      this.cash -= request.amount;
      const term = this.rnd.pick([10, 12]);
      const loan: LoanState = {
        id: `L${String(this.loans.length + 1).padStart(4, '0')}`,
        member: request.member,
        disbursed: day,
        principal: request.amount,
        term,
        rate: 1,
        paid: 0,
        installment: 0,
        schedule: loanSchedule({ principal: satang(request.amount), term_months: term, disbursed_on: day }),
      };
      this.loans.push(loan);
      this.add('loans', {
        loan_id: loan.id,
        member_id: loan.member,
        disbursed_on: date(day),
        principal: baht(loan.principal),
        monthly_rate: loan.rate,
        term_months: loan.term,
        purpose: 'แก้หนี้',
        request_id: request.id,
        account: 'เงินสด',
      });
    }
  }

  /** Each installment is repaid on its due day, with a month's interest on what is outstanding. */
  private collectRepayments(day: string): void {
    for (const loan of this.loans) {
      const next = loan.schedule[loan.installment];
      if (!next || next.due !== day) continue;
      loan.installment++;
      const due = next.principal;
      const interest = monthlyInterest(satang(loan.principal - loan.paid), loan.rate);
      loan.paid += due;
      this.cash += due + interest;
      this.add('repayments', {
        date: date(day),
        loan_id: loan.id,
        principal: baht(due),
        interest: baht(interest),
        account: 'เงินสด',
        receipt_no: this.nextReceipt(),
      });
    }
  }

  private withdrawal(day: string): void {
    const m = this.rnd.pick(this.members);
    if (m.savings < 50_000 || this.cash < 20_000) return;
    m.savings -= 20_000;
    this.cash -= 20_000;
    this.add('savings', {
      date: date(day),
      member_id: m.id,
      type: 'ถอน',
      amount: 200,
      via: 'เหรัญญิก',
      account: 'เงินสด',
      receipt_no: this.nextReceipt(),
    });
  }

  private welfarePayout(day: string): void {
    if (this.products) {
      this.claimByTable(day);
      return;
    }
    if (!this.rnd.chance(0.7) || this.cash < 50_000 || this.fund < 50_000) return;
    this.cash -= 50_000;
    this.fund -= 50_000;
    this.add('welfare', {
      date: date(day),
      member_id: this.rnd.pick(this.members).id,
      type: 'จ่ายสวัสดิการ',
      benefit: this.rnd.pick(['เจ็บป่วย', 'คลอดบุตร']),
      amount: 500,
      account: 'เงินสด',
    });
  }

  /**
   * With the group's welfare table (sickness 200 a night, at most 600 a stay and 1,000 a year; a
   * birth 1,000, by the Chamuang preset): claims from 180 days after the books open, each within
   * the table, made a few days after the stay or the birth.
   */
  private claimByTable(day: string): void {
    if (day < addDays(this.first!, 181) || !this.rnd.chance(0.8)) return;
    const m = this.rnd.pick(this.members);
    const birth = this.rnd.chance(0.25);
    const nights = this.rnd.int(1, 3);
    const amount = birth ? 100_000 : 20_000 * nights;
    const year = `${m.id} ${day.slice(0, 4)}`;
    if (!birth && (this.sickness.get(year) ?? 0) + amount > 100_000) return;
    if (this.cash < amount + 50_000 || this.fund < amount) return;
    if (!birth) this.sickness.set(year, (this.sickness.get(year) ?? 0) + amount);
    this.cash -= amount;
    this.fund -= amount;
    this.add('welfare', {
      date: date(day),
      member_id: m.id,
      type: 'จ่ายสวัสดิการ',
      benefit: birth ? 'คลอดบุตร' : 'เจ็บป่วย',
      amount: baht(amount),
      account: 'เงินสด',
      event_date: date(addDays(day, -this.rnd.int(2, 10))),
      ...(birth ? {} : { nights }),
    });
  }

  private stationery(day: string): void {
    if (this.cash < 15_000) return;
    this.cash -= 15_000;
    this.add('other', {
      date: date(day),
      type: 'รายจ่าย',
      category: 'ค่าเครื่องเขียน',
      amount: 150,
      account: 'เงินสด',
    });
  }

  private bankInterest(day: string): void {
    const interest = Math.round(this.bank * 0.0005);
    this.bank += interest;
    if (interest === 0) return;
    this.add('other', {
      date: date(day),
      type: 'รายรับ',
      category: 'ดอกเบี้ยเงินฝาก',
      amount: baht(interest),
      account: 'ธนาคาร',
    });
  }

  /** Cash above 10,000 baht goes to the bank, keeping 3,000 in the box. */
  private depositToBank(day: string): void {
    if (this.cash <= 1_000_000) return;
    const amount = this.cash - 300_000;
    this.cash -= amount;
    this.bank += amount;
    this.add('other', {
      date: date(day),
      type: 'โอน',
      category: 'ฝากธนาคาร',
      amount: baht(amount),
      account: 'เงินสด',
      to_account: 'ธนาคาร',
    });
  }

  /** The treasurer counts the cash box and copies the bank balance at each month's end. */
  private countMoney(day: string): void {
    this.add('counts', { date: date(day), account: 'เงินสด', balance: baht(this.cash), counted_by: 'เหรัญญิก' });
    this.add('counts', {
      date: date(day),
      account: 'ธนาคาร',
      balance: baht(this.bank),
      counted_by: 'เหรัญญิก',
      note: 'ตามสมุดบัญชี',
    });
  }
}
