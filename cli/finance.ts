// `finance closing <year> [--json]` and `finance fees <year> [--json]`: a year's
// closing per fund and its fee per municipality, as a table or as the API's JSON (öre).
import { parseArgs } from 'node:util';
import { closingOf, feesOf } from '../src/lib/server/finance/api.ts';
import { formatKronor } from '../src/lib/core/format.ts';
import { UsageError } from './args.ts';
import { withDatabase } from './database.ts';
import { note, print, table } from './output.ts';

function yearAndJson(command: string, args: string[]): { year: number; json: boolean } {
	let parsed;
	try {
		parsed = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
	} catch (e) {
		throw new UsageError(`${command}: ${(e as Error).message}`);
	}
	const year = Number(parsed.positionals[0]);
	if (parsed.positionals.length !== 1 || !Number.isInteger(year) || year < 1900 || year > 2200)
		throw new UsageError(`${command}: ange ett år, t.ex. ${command} 2021.`);
	return { year, json: parsed.values.json === true };
}

const kr = (ore: number | null) => (ore === null ? 'saknas' : formatKronor(ore));

export async function financeClosing(args: string[]) {
	const { year, json } = yearAndJson('finance closing', args);
	const c = await withDatabase('use', note, ({ db }) => closingOf(db, year));
	if (json) return print(JSON.stringify(c, null, 2));
	print(`Bokslut ${year} (${c.status === 'closed' ? 'stängt' : 'öppet'})`);
	print(
		table(
			['Fond', 'Ingående balans', 'Intäkter', 'Kostnader', 'Överföringar', 'Utgående balans'],
			[...c.funds, { fund: 'Summa', ...c.totals, transfersIn: 0, transfersOut: 0 }].map((f) => [
				f.fund,
				kr(f.opening),
				kr(f.income),
				kr(f.costs),
				kr(f.transfersIn - f.transfersOut),
				kr(f.closing)
			])
		)
	);
	if (c.differences.length) {
		print('\nTryckta siffror som bokföringen inte ger:');
		print(
			table(
				['Vad', 'Tryckt', 'Bokföringen'],
				c.differences.map((d) => [d.what, kr(d.printed), kr(d.ledger)])
			)
		);
	}
}

export async function financeFees(args: string[]) {
	const { year, json } = yearAndJson('finance fees', args);
	const f = await withDatabase('use', note, ({ db }) => feesOf(db, year));
	if (json) return print(JSON.stringify(f, null, 2));
	print(`Avgift ${year}: ${kr(f.total)} (${f.totalSource ?? 'källa saknas'})`);
	print(
		table(
			['Kod', 'Kommun', 'Folkmängd', 'Avgift'],
			f.municipalities.map((m) => [m.code, m.name, m.population === null ? 'saknas' : String(m.population), kr(m.amount)])
		)
	);
}
