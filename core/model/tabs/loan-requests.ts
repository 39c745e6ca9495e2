import { date, enumOf, id, positiveSatang, purpose, text } from '../fields.ts';
import { col, defineTab } from '../tab-spec.ts';

/** The Loan requests tab (คำขอกู้): its columns, their record fields and its roles, declared once. */
export const loanRequests = defineTab(
  {
    key: 'loan_requests',
    th: 'คำขอกู้',
    en: 'Loan requests',
    required: false,
    money: false,
    roles: { posts: false, dated: 'date', books: false, referenced: true, snapshotReference: false },
    idColumn: 'request_id',
  },
  {
    request_id: col('เลขที่คำขอ', 'id', id),
    date: col('วันที่ยื่น', 'date', date),
    member_id: col('รหัสสมาชิก', 'id', id, { ref: 'members' }),
    amount: col('จำนวนเงินที่ขอ', 'money', positiveSatang),
    purpose: col('วัตถุประสงค์', 'enum', purpose, { enumeration: 'loan_purpose' }),
    status: col('สถานะ', 'enum', enumOf('request_status').default('pending'), {
      enumeration: 'request_status',
    }),
    decided_on: col('วันที่พิจารณา', 'date', date.optional()),
    note: col('หมายเหตุ', 'text', text.optional()),
  },
  [
    {
      error: 'decided_before_request',
      path: 'decided_on',
      test: (r) => r.decided_on === undefined || r.decided_on >= r.date,
    },
  ],
);
