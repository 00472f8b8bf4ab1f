// A year's closing (bokslut) as a table document, in the layout of the annual
// reports: the summary per fund, each fund's income and cost lines, the
// projects, the transfers, and the printed figures the ledger does not give.
import type { DocTable, TableDocument } from '../../core/table-document.ts';
import { exportAmount, exportDate, type ExportCell, type ExportTable } from '../export/table.ts';
import { AmountError, ORE_PER_KRONA, parseAmount, type Ore } from '../../core/finance.ts';
import { formatNumber } from '../../core/format.ts';
import type { Closing } from './closing.ts';

/** "1 381 130", "−1 450", "1 234,50": kronor as a closing table prints them, öre only when there are any. */
export function tableAmount(ore: Ore): string {
	const sign = ore < 0 ? '−' : '';
	const abs = Math.abs(ore);
	const rest = abs % ORE_PER_KRONA;
	return `${sign}${formatNumber(Math.trunc(abs / ORE_PER_KRONA))}${rest ? ',' + String(rest).padStart(2, '0') : ''}`;
}

const blankZero = (ore: Ore) => (ore === 0 ? '' : tableAmount(ore));

export function closingTables(c: Closing): {
	summary: DocTable;
	funds: DocTable[];
	projects: DocTable | null;
	transfers: DocTable | null;
	differences: DocTable | null;
} {
	const y = c.year;
	const withTransfers = c.funds.some((f) => f.transfersIn || f.transfersOut);
	const notes: string[] = [];
	const noteOf = (text: string | null) => {
		if (!text) return '';
		let i = notes.indexOf(text);
		if (i < 0) i = notes.push(text) - 1;
		return ` ${i + 1})`;
	};
	// Money held by a member municipality at the year's end says so; once it has come in, the fund's own note speaks.
	const fundNote = (f: Closing['funds'][number]) =>
		f.heldBy && (!f.heldUntil || f.heldUntil >= `${y}-12-31`) ? `Pengarna finns hos ${f.heldBy}` : f.note;
	const summary: DocTable = {
		caption: `Sammanställning ${y}`,
		columns: [
			{ header: `Sammanställning ${y}` },
			{ header: `Ingående balans ${y}`, align: 'right' },
			{ header: 'Intäkter', align: 'right' },
			{ header: 'Kostnader', align: 'right' },
			...(withTransfers ? [{ header: 'Överföringar', align: 'right' as const }] : []),
			{ header: `Utgående balans ${y}`, align: 'right' }
		],
		rows: [
			...c.funds.map((f) => ({
				cells: [
					f.name + noteOf(fundNote(f)),
					blankZero(f.opening),
					blankZero(f.income),
					blankZero(f.costs),
					...(withTransfers ? [blankZero(f.transfersIn - f.transfersOut)] : []),
					f.closing === 0 && !f.opening && !f.income && !f.costs ? '–' : tableAmount(f.closing)
				]
			})),
			{
				cells: [
					'Summa',
					tableAmount(c.totals.opening),
					tableAmount(c.totals.income),
					tableAmount(c.totals.costs),
					...(withTransfers ? [tableAmount(c.totals.transfersIn - c.totals.transfersOut)] : []),
					tableAmount(c.totals.closing)
				],
				total: true
			}
		],
		notes: notes.map((n, i) => `${i + 1}) ${n}`)
	};
	const funds: DocTable[] = c.lines.map((l) => {
		const inc = l.income.reduce((s, x) => s + x.amount, 0);
		const cost = l.costs.reduce((s, x) => s + x.amount, 0);
		return {
			caption: l.name,
			columns: [{ header: l.name }, { header: 'Intäkter', align: 'right' }, { header: 'Kostnader', align: 'right' }],
			rows: [
				...l.income.flatMap((x) => (x.parts ?? [x]).map((p) => ({ cells: [p.label, tableAmount(p.amount), ''] }))),
				...l.costs.flatMap((x) => (x.parts ?? [x]).map((p) => ({ cells: [p.label, '', tableAmount(p.amount)] }))),
				{ cells: ['Summa', tableAmount(inc), tableAmount(cost)], total: true }
			]
		};
	});
	const operations = new Set(c.funds.filter((f) => f.kind === 'operations').map((f) => f.fundId));
	const ownProjects = c.projects.filter((p) => operations.has(p.fundId));
	const projects: DocTable | null = ownProjects.length
		? {
				caption: 'Projekt som driften bekostat',
				columns: [{ header: 'Projekt' }, { header: 'Kostnader', align: 'right' }],
				rows: [
					...ownProjects.map((p) => ({ cells: [p.project, tableAmount(p.amount)] })),
					{ cells: ['Summa', tableAmount(ownProjects.reduce((s, p) => s + p.amount, 0))], total: true }
				]
			}
		: null;
	const transfers: DocTable | null = c.transfers.length
		? {
				caption: 'Överföringar mellan fonder',
				columns: [{ header: 'Datum' }, { header: 'Från' }, { header: 'Till' }, { header: 'Belopp', align: 'right' }],
				rows: c.transfers.map((t) => ({ cells: [t.date, t.from, t.to + (t.note ? ` (${t.note})` : ''), tableAmount(t.amount)] })),
				notes: ['Överföringar är varken intäkter eller kostnader.']
			}
		: null;
	const differences: DocTable | null = c.differences.length
		? {
				caption: 'Tryckta siffror som bokföringen inte ger',
				columns: [
					{ header: 'Vad' },
					{ header: 'Tryckt', align: 'right' },
					{ header: 'Enligt bokföringen', align: 'right' },
					{ header: 'Skillnad', align: 'right' }
				],
				rows: c.differences.map((d) => ({
					cells: [
						d.what,
						tableAmount(d.printed),
						d.ledger === null ? 'saknas' : tableAmount(d.ledger),
						d.ledger === null ? '' : tableAmount(d.ledger - d.printed)
					]
				})),
				notes: ['Bokföringen gäller; skillnaden visas i stället för att den tryckta siffran skrivs av.']
			}
		: null;
	return { summary, funds, projects, transfers, differences };
}

export function closingDocument(c: Closing, cooperationName: string): TableDocument {
	const t = closingTables(c);
	const result = c.funds.filter((f) => f.kind === 'operations').reduce((s, f) => s + f.income - f.costs, 0);
	const paragraphs = [
		`Årets resultat för driften: ${tableAmount(result)} kr. Vid årets slut finns ${tableAmount(c.totals.closing)} kr i fonderna.`,
		c.status === 'closed' ? `Året är stängt.` : `Året är öppet: siffrorna kan ändras.`
	];
	if (c.openingsEntered)
		paragraphs.push('De ingående balanserna är inmatade med källa (första året i systemet, eller efter ett år som saknas i underlagen).');
	return {
		title: `Bokslut ${c.year}`,
		subtitle: cooperationName,
		cooperationName,
		kindLabel: 'Bokslut',
		sections: [
			{ heading: `Sammanställning ${c.year}`, paragraphs, tables: [t.summary] },
			{
				heading: 'Intäkter och kostnader per fond',
				paragraphs: [],
				tables: [...t.funds, ...(t.projects ? [t.projects] : []), ...(t.transfers ? [t.transfers] : [])]
			},
			...(t.differences
				? [
						{
							heading: 'Kontroll mot tryckta siffror',
							paragraphs: ['Siffror som en tryckt årsredovisning anger, och som bokföringen avrundad till hela kronor inte ger.'],
							tables: [t.differences]
						}
					]
				: [])
		]
	};
}

/**
 * The document's tables as Excel sheets: amounts as kronor from their öre (number
 * cells with a number format), dates as date cells. The sheet names are the captions,
 * which toXlsx cuts at a word to Excel's 31 characters and makes unique.
 */
export function closingWorkbook(doc: TableDocument): ExportTable[] {
	return doc.sections.flatMap((s) =>
		s.tables.map((table) => ({
			name: table.caption,
			columns: table.columns.map((c) => ({ header: c.header, width: c.align === 'right' ? 16 : 48 })),
			rows: table.rows.map((r) => r.cells.map((cell, i) => (table.columns[i]?.align === 'right' ? amountCell(cell) : textCell(cell))))
		}))
	);
}

/** A printed amount ("1 381 130", "−1 450", "1 234,50") back to its öre, exactly; a dash or nothing is an empty cell. */
function amountCell(cell: string): ExportCell {
	if (cell === '' || cell === '–') return null;
	try {
		return exportAmount(parseAmount(cell));
	} catch (e) {
		if (e instanceof AmountError) return cell; // "saknas"
		throw e;
	}
}

const textCell = (cell: string): ExportCell => (/^\d{4}-\d{2}-\d{2}$/.test(cell) ? exportDate(cell) : cell);
