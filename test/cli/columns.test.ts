import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, padStart } from '../../cli/text/columns.ts';

describe('Thai text in terminal columns', () => {
  it('counts marks above and below as no column, and SARA AM as one (issue 17)', () => {
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('กำ')).toBe(2);
    expect(displayWidth('น้ำ')).toBe(2);
    expect(displayWidth('ดอกเบี้ยรับ')).toBe(8);
    expect(displayWidth('จำนวนเงิน')).toBe(8);
  });

  it('pads labels with SARA AM to the same width as any other', () => {
    const labels = ['จำนวนเงิน', 'ยอดเงินออม', 'เงินที่หัวหน้ากลุ่มย่อยถือ', 'กองทุนสวัสดิการ'];
    const widths = labels.map((l) => displayWidth(padEnd(l, 30)));
    expect(new Set(widths)).toEqual(new Set([30]));
    expect(displayWidth(padStart('ค่าธรรมเนียม', 20))).toBe(20);
  });
});
