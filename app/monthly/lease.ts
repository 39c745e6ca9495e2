/** How long a claimed delivery is one run's: longer than a worker may run (300 s), so a live run keeps it. */
export const LEASE_MS = 15 * 60_000;
