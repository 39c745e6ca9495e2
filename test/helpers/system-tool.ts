import { spawnSync } from 'node:child_process';

/**
 * A system tool a test needs (hledger, bean-check, chromium). On a fresh machine without it the
 * test is skipped with the Debian package to install; in CI (`SAJJA_REQUIRE_TOOLS=1`, set by
 * .ci/run, which installs them) a missing tool fails the run instead.
 */
export function systemTool(command: string, debianPackage: string, versionArgs = ['--version']) {
  const probe = spawnSync(command, versionArgs, { encoding: 'utf8' });
  const available = !probe.error && probe.status === 0;
  const why = `${command} is not installed: apt-get install ${debianPackage} (Debian package "${debianPackage}")`;
  if (!available && process.env.SAJJA_REQUIRE_TOOLS === '1') throw new Error(`required by CI — ${why}`);
  if (!available) console.warn(`skipped: ${why}`);
  return { available, skip: !available, why };
}
