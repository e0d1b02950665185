// One public article event as one readable line, for demo and tail output.
export interface EventRecord {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

const verdictOfType = (type: string | undefined) =>
  type?.match(/^dev\.wire\.article\.([a-z]+)\.v\d+$/)?.[1] ?? type ?? '?';

export function formatEventLine(record: EventRecord, width = 100): string {
  const verdict = verdictOfType(record.headers.ce_type).padEnd(9);
  let headline = '(no headline)';
  if (record.value === null) {
    headline = '(tombstone)';
  } else {
    try {
      headline = JSON.parse(record.value.toString('utf8')).headlines?.[0]?.value ?? headline;
    } catch {
      headline = '(value is not JSON)';
    }
  }
  const prefix = record.headers.ce_wireprefix ? `${record.headers.ce_wireprefix} ` : '';
  const line = `${verdict} ${record.key ?? '-'}  ${prefix}${headline}`;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
