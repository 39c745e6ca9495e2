/** Archive options every command that touches the archive takes. */
export const ARCHIVE_OPTIONS = {
  'data-dir': { type: 'string' },
  endpoint: { type: 'string' },
} as const;
