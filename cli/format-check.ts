import { type CheckResult, type Finding, TABS } from '../core/index.ts';

/** Readable Thai/English text of a check result, grouped by tab. */
export function formatCheck(result: CheckResult): string {
  const lines: string[] = [];
  const group = result.group_id ?? '(ไม่ทราบรหัสกลุ่ม / unknown group)';
  lines.push(`Sajja ตรวจสมุด / check — ${group} — ณ วันที่ / as of ${result.as_of}`);
  const { error, warning } = result.counts;
  lines.push(
    result.ok && warning === 0
      ? '✓ ไม่พบข้อผิดพลาด / no errors, no warnings'
      : `${error > 0 ? '✗' : '✓'} ข้อผิดพลาด ${error} / errors ${error} · คำเตือน ${warning} / warnings ${warning}`,
  );
  const byTab = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = finding.sheet ?? '';
    byTab.set(key, [...(byTab.get(key) ?? []), finding]);
  }
  for (const [key, findings] of byTab) {
    const spec = TABS.find((tab) => tab.key === key);
    lines.push('', spec ? `${spec.th} (${spec.key})` : 'สมุดทั้งเล่ม (workbook)');
    for (const f of findings) {
      const mark = f.severity === 'error' ? '✗' : '⚠';
      const where = (f.cell ?? (f.row !== null ? `row ${f.row}` : '—')).padEnd(6);
      lines.push(`  ${mark} ${where} ${f.code}  ${f.message.th}`);
      lines.push(`  ${' '.repeat(8)}${' '.repeat(f.code.length + 2)}${f.message.en}`);
    }
  }
  return lines.join('\n');
}
