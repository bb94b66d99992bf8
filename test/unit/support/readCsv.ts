// Test support: reads CSV back, written apart from src's writer so a test of the writer can fail.

/** An RFC 4180 reader, written apart from the writer: records of fields, quotes undone. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') { value += '"'; i++; } else if (text[i] === '"') { i++; break; } else value += text[i];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i++];
      }
    }
    fields.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { records.push(fields); fields = []; i += 2; } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (fields.length) throw new Error('the last record has no CRLF');
  return records;
}
