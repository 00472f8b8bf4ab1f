// Sharing a table's width among its columns (src/lib/core/column-widths.ts), and
// the text widths the Word documents' tables are measured with, checked against
// Arial's published character widths (in thousandths of an em).
import { describe, expect, it } from 'vitest';
import { shareWidth, unbreakable } from '../../src/lib/core/column-widths.ts';
import { textWidth } from '../../src/lib/server/documents/docx-measure.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('shareWidth', () => {
	it('gives every column its widest line when all fit, and the rest to the columns that grow', () => {
		const widths = shareWidth(
			[
				{ min: 1000, max: 3000, grow: true },
				{ min: 900, max: 1200, grow: false },
				{ min: 900, max: 1500, grow: false }
			],
			9000
		);
		expect(widths).toEqual([6300, 1200, 1500]);
	});

	it('shares what is left among growing columns in proportion to their lines', () => {
		const widths = shareWidth(
			[
				{ min: 500, max: 1000, grow: true },
				{ min: 500, max: 3000, grow: true },
				{ min: 500, max: 1000, grow: false }
			],
			7000
		);
		expect(widths).toEqual([1500, 4500, 1000]);
	});

	it('gives every column at least its widest word when the lines do not fit, and shares the rest by how much more each wants', () => {
		const needs = [
			{ min: 1000, max: 20_000, grow: true },
			{ min: 1200, max: 1200, grow: false },
			{ min: 1500, max: 6000, grow: true }
		];
		const widths = shareWidth(needs, 9000);
		expect(sum(widths)).toBe(9000);
		widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(needs[i].min));
		expect(widths[1]).toBe(1200);
		// The rest, 5300, shared 19 000 : 4500.
		expect(widths[0]).toBe(1000 + Math.round((5300 * 19_000) / 23_500));
	});

	it('scales the words to the page only when even they do not fit', () => {
		expect(
			shareWidth(
				[
					{ min: 6000, max: 6000, grow: true },
					{ min: 6000, max: 8000, grow: true }
				],
				9000
			)
		).toEqual([4500, 4500]);
	});

	it('adds up to the total in whole units', () => {
		const widths = shareWidth(
			[
				{ min: 333, max: 1000, grow: true },
				{ min: 333, max: 1001, grow: true },
				{ min: 333, max: 1002, grow: true }
			],
			9071
		);
		expect(widths.every(Number.isInteger)).toBe(true);
		expect(sum(widths)).toBe(9071);
		expect(shareWidth([], 9000)).toEqual([]);
	});

	it('breaks text at spaces only, never at a no-break space (the amounts)', () => {
		expect(unbreakable('Ingående balans\n2021')).toEqual(['Ingående', 'balans', '2021']);
		expect(unbreakable('1\u00a0332\u00a0545')).toEqual(['1\u00a0332\u00a0545']);
		expect(unbreakable('  ')).toEqual([]);
	});
});

describe('textWidth', () => {
	it('measures Arial as its published widths say', () => {
		// Arial Bold: K 722, o 611, s 556, t 333, n 611, a 556, d 611, e 556, r 389.
		expect(textWidth('Kostnader', { name: 'Arial', size: 9.5, bold: true })).toBeCloseTo((4945 * 9.5) / 1000, 1);
		// Arial: K 667, o 556, s 500, t 278, n 556, a 556, d 556, e 556, r 333.
		expect(textWidth('Kostnader', { name: 'Arial', size: 9.5 })).toBeCloseTo((4558 * 9.5) / 1000, 1);
		// Figures and the no-break space: 556 and 278.
		expect(textWidth('1\u00a0332\u00a0545', { name: 'Arial', size: 10 })).toBeCloseTo((7 * 556 + 2 * 278) / 100, 1);
		// A character first met later is measured then.
		expect(textWidth('ŁŁ', { name: 'Arial', size: 10 })).toBeGreaterThan(textWidth('ll', { name: 'Arial', size: 10 }));
	});
});
