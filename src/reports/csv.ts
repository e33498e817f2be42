/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) get a leading apostrophe: an exported
 * check item must never become a live formula on the assessor's machine.
 */
export function csvText(rows: readonly (readonly string[])[], options: { bom?: boolean; guardFormulas?: boolean } = {}): string {
  const guard = options.guardFormulas ?? false;
  const cell = (raw: string) => {
    const v = guard && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const body = rows.map((row) => row.map(cell).join(',')).join('\r\n');
  return options.bom ? `\uFEFF${body}\r\n` : body;
}
