/**
 * Moves some entries of a zip to its front without unpacking anything: each entry's local header
 * and compressed data are copied as they are, and the central directory is rewritten with their
 * new offsets. One copy of the compressed bytes, however large the sheets inside.
 */
export function reorderZip(bytes: Uint8Array, first: readonly string[]): Uint8Array {
  const { eocd, directorySize, entries } = readDirectory(bytes);
  const rank = (name: string) => {
    const i = first.indexOf(name);
    return i < 0 ? first.length : i;
  };
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i);
  const blocksSize = ordered.reduce((sum, { e }) => sum + e.block.length, 0);
  const out = new Uint8Array(blocksSize + directorySize + 22);
  const outView = new DataView(out.buffer);
  let write = 0;
  const offsets: number[] = [];
  for (const { e } of ordered) {
    offsets.push(write);
    out.set(e.block, write);
    write += e.block.length;
  }
  const newDirectory = write;
  ordered.forEach(({ e }, i) => {
    out.set(e.record, write);
    outView.setUint32(write + 42, offsets[i]!, true);
    write += e.record.length;
  });
  out.set(bytes.subarray(eocd, eocd + 22), write);
  outView.setUint32(write + 12, write - newDirectory, true);
  outView.setUint32(write + 16, newDirectory, true);
  outView.setUint16(write + 20, 0, true); // no archive comment
  return out;
}

/** The names of a zip's entries in the order their data lies in the file. */
export function zipOrder(bytes: Uint8Array): string[] {
  return readDirectory(bytes)
    .entries.slice()
    .sort((a, b) => a.offset - b.offset)
    .map((e) => e.name);
}

interface ZipEntry {
  name: string;
  offset: number;
  /** The entry's central directory record. */
  record: Uint8Array;
  /** Its local header, data and data descriptor. */
  block: Uint8Array;
}

function readDirectory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('not a zip: bad central directory');
    const flags = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const recordLength = 46 + nameLength + extraLength + commentLength;
    if (view.getUint32(offset, true) !== 0x04034b50) throw new Error('not a zip: bad local header');
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    let end = dataStart + compressed;
    // a data descriptor follows the data when flag bit 3 is set, with or without its signature
    if (flags & 8) end += view.getUint32(end, true) === 0x08074b50 ? 16 : 12;
    entries.push({
      name,
      offset,
      record: bytes.slice(at, at + recordLength),
      block: bytes.subarray(offset, end),
    });
    at += recordLength;
  }
  return { view, eocd, directorySize, entries };
}

function findEndOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 65_535); at--)
    if (view.getUint32(at, true) === 0x06054b50) return at;
  throw new Error('not a zip: no end of central directory');
}
