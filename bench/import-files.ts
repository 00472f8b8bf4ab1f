// The files of the ledger import's hardening, made in memory: a CSV of 130 000
// rows just under the 10 MB limit, and workbooks that would hurt a server that
// read them naively (a zip bomb, a bomb whose directory lies, a giant cell).
// Shared by bench/import.ts and tests/integration/finance-import.test.ts.
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { toXlsx } from '../src/lib/server/export/table.ts';

export const BIG_ROWS = 130_000;
/** Every 1 000th row of bigCsv names a fund that does not exist. */
export const BIG_REFUSED = BIG_ROWS / 1000;

/** A ledger export of BIG_ROWS rows in `year`, about 9.8 MB whatever the names' lengths (the limit is 10 MB). */
export function bigCsv({ fund, category, year }: { fund: string; category: string; year: number }): Uint8Array {
	const perRow = Math.floor((9.8 * 1024 * 1024) / BIG_ROWS) - 2; // less CRLF
	const lines = ['Datum;Fond;Kategori;Belopp;Motpart;Verifikation;Beskrivning'];
	for (let i = 1; i <= BIG_ROWS; i++) {
		const day = String((i % 28) + 1).padStart(2, '0');
		const month = String((i % 12) + 1).padStart(2, '0');
		const f = i % 1000 === 0 ? 'Ingen sådan fond' : fund;
		const row = `${year}-${month}-${day};${f};${category};${(i % 9000) + 1} ${String(i % 1000).padStart(3, '0')},50;Nacka kommun;V${i};`;
		const room = perRow - Buffer.byteLength(row);
		lines.push(row + `Lön ${i} ${'utbetald enligt avtal'.repeat(4)}`.slice(0, Math.max(0, room)));
	}
	const csv = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
	if (csv.byteLength > 10 * 1024 * 1024)
		throw new Error(`bigCsv: ${csv.byteLength} bytes with the fund '${fund}' and the category '${category}'; at most 10 MB`);
	return csv;
}

/** A zip written by hand: each part deflated by zlib (fast even for 300 MB, where fflate at level 9 took 5 s), with the size it is said to have. */
export function zipOf(parts: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const p of parts) {
		const name = Buffer.from(p.name);
		const packed = deflateRawSync(p.data, { level: 9 });
		const size = p.declaredSize ?? p.data.byteLength;
		const crc = crc32(p.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(0x21, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.byteLength, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.byteLength, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(packed.byteLength, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.byteLength, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, packed);
		centrals.push(central, name);
		offset += 30 + name.byteLength + packed.byteLength;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.byteLength, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A real workbook's parts with its sheet replaced by `sheet`, said to be `declaredSize` bytes (its own size unless given). */
export async function workbookWithSheet(sheet: Uint8Array, declaredSize?: number): Promise<Uint8Array> {
	const parts = unzipSync(await toXlsx({ name: 'Blad', columns: [{ header: 'Datum' }], rows: [['2024-01-01']] }));
	return zipOf(
		Object.entries(parts).map(([name, data]) =>
			name === 'xl/worksheets/sheet1.xml' ? { name, data: sheet, declaredSize } : { name, data }
		)
	);
}

/** A zip bomb: a sheet of `mb` MB of spaces, packed about a thousand times. */
export const zipBomb = async (mb = 300, declaredSize?: number) =>
	workbookWithSheet(new Uint8Array(mb * 1024 * 1024).fill(0x20), declaredSize);

/** A workbook whose cell E3 holds `chars` characters (our own export cuts a cell at Excel's limit, so it is written in by hand). */
export async function giantCellWorkbook(chars = 300_000, { fund = 'Drift', category = 'Lokaler' } = {}): Promise<Uint8Array> {
	const made = await toXlsx({
		name: 'Blad',
		columns: ['Datum', 'Fond', 'Kategori', 'Belopp', 'Beskrivning'].map((header) => ({ header })),
		rows: [
			['2024-01-01', fund, category, 10, 'Hyra'],
			['2024-01-02', fund, category, 10, 'JÄTTECELLEN']
		]
	});
	// The cell's text is in the sheet or, as write-excel-file writes it, in the shared strings.
	const files = unzipSync(made);
	for (const [name, data] of Object.entries(files)) {
		const xml = strFromU8(data);
		if (xml.includes('JÄTTECELLEN')) files[name] = strToU8(xml.replace('JÄTTECELLEN', 'x'.repeat(chars)));
	}
	return zipSync(files);
}
