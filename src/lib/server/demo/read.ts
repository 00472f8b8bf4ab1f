// Reading the demo data: every source note becomes a citation in words on the
// way in. The transcriber's notes ("seed 001, 3.1 (001:104–114); bodyKey ssk")
// stay in demo/*.json for whoever checks the transcription; the database, and so
// every page, document and API answer, holds only what a reader can look up:
// "Årsredovisning och bokslut 2021, avsnitt 3.1 Infrastruktur".
import fs from 'node:fs';
import path from 'node:path';
import { citeSource, type SourceCatalogue } from '../../core/citation.ts';

const catalogues = new Map<string, SourceCatalogue>();

/** The seed documents the demo was transcribed from (demo/sources.json). */
export function sourceCatalogue(dir: string): SourceCatalogue {
	let c = catalogues.get(dir);
	if (!c) {
		const file = path.join(dir, 'sources.json');
		c = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SourceCatalogue) : { documents: [] };
		catalogues.set(dir, c);
	}
	return c;
}

/** A field that holds a source: `source`, `statusSource`, … */
const SOURCE_KEY = /(?:^s|S)ource$/;

/** Every source field of a parsed demo file, cited in words (in place). */
export function citeSources<T>(value: T, catalogue: SourceCatalogue): T {
	const visit = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object')
			for (const [k, x] of Object.entries(v)) {
				if (SOURCE_KEY.test(k) && typeof x === 'string') (v as Record<string, unknown>)[k] = citeSource(x, catalogue) ?? 'Källan är inte angiven';
				else visit(x);
			}
	};
	visit(value);
	return value;
}

/** A demo JSON file under `dir`, its sources cited in words. */
export function readDemoJson<T>(dir: string, file: string): T {
	return citeSources(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T, sourceCatalogue(dir));
}
