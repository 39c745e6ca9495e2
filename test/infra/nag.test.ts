import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sajjaApp } from '../../infra/app.ts';
import { deployableApp } from '../helpers/cdk-app.ts';

describe('cdk-nag AwsSolutions (issue 11)', () => {
  it('finds nothing unacknowledged in any stack, and every acknowledgement has a reason', () => {
    const { app } = deployableApp();
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

  it('says at synth that the monthly job needs its SES sender, rather than sending from example.org (issue 18)', () => {
    const { monthly } = sajjaApp();
    Annotations.fromStack(monthly).hasError(
      '*',
      Match.stringLikeRegexp('needs its sender: cdk deploy -c sesIdentity='),
    );
  });
});
