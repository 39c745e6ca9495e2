import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';

describe('cdk-nag AwsSolutions (issue 11)', () => {
  it('finds nothing unacknowledged in any stack, and every acknowledgement has a reason', () => {
    const { app } = sajjaApp();
    const assembly = app.synth(); // a violation fails the synthesis
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        pluginName: string;
        conclusion: string;
        violations: unknown[];
        suppressedViolations: { ruleName: string; reason?: string; acknowledgeReason?: string }[];
      }[];
    };
    const nag = report.pluginReports.find((r) => r.pluginName === 'AwsSolutions')!;
    expect(nag.conclusion).toBe('success');
    expect(nag.violations).toEqual([]);
    // every acknowledged rule says why (and there are some: the checks ran)
    expect(nag.suppressedViolations.length).toBeGreaterThan(0);
    for (const s of nag.suppressedViolations) expect(JSON.stringify(s)).toMatch(/reason|Reason/);
    // no CDK annotations left unanswered either
    const messages = assembly.stacks.flatMap((stack) => stack.messages).filter((m) => m.level !== 'info');
    expect(messages.map((m) => `${m.id}: ${String(m.entry.data)}`)).toEqual([]);
  });
});
