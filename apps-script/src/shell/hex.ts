/** Apps Script's digests are signed bytes (−128…127): as lowercase hex. */
export function hexOf(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += ((b + 256) % 256).toString(16).padStart(2, '0');
  return out;
}
