/** The groups' secrets as stored: a JSON object `{"<group_id>": "<secret>"}`; other values are ignored. */
export function secretsOf(text: string): Map<string, string> {
  const data = JSON.parse(text) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [group, secret] of Object.entries(data)) if (typeof secret === 'string') out.set(group, secret);
  return out;
}
