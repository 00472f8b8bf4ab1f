// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a chosen separator.

/**
 * Rows of fields. A blank line is dropped, unless keepEmptyLines: then it stays
 * as [''], so that row i is the file's (i + 1)th record, as a spreadsheet numbers it.
 */
export function parseCsv(text: string, separator = ',', { keepEmptyLines = false } = {}): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return keepEmptyLines ? rows : rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string, separator = ','): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), separator);
	if (!header) return [];
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
