import type { GroupJob } from './ports.ts';
import type { WorkerDeps } from './worker-deps.ts';

/** The dispatcher (SPEC §10): one message per enabled group; a disabled group's status is recorded. */
export async function runDispatcher(
  deps: Pick<WorkerDeps, 'registry' | 'status'>,
  month: string,
  send: (job: GroupJob) => Promise<void>,
  resend = false,
): Promise<number> {
  // a resend sends every enabled group's report again, then the network report once more
  if (resend)
    await deps.status.reopen(
      month,
      deps.registry.groups.filter((g) => g.enabled).map((g) => g.group_id),
    );
  let sent = 0;
  for (const g of deps.registry.groups) {
    if (!g.enabled) {
      await deps.status.put({
        group_id: g.group_id,
        month,
        status: 'disabled',
        errors: 0,
        warnings: 0,
        snapshot: null,
        sent_to: [],
      });
      continue;
    }
    await send({ group_id: g.group_id, month, resend });
    sent++;
  }
  return sent;
}
