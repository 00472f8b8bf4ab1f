// How a table's columns share the width of the page, as a browser's automatic
// table layout shares it: each column needs at least the width of its widest
// word (narrower, and a word breaks in the middle: "Kostnade/r"), and would
// like the width of its widest line (then nothing in it wraps).
//  - Everything fits on one line: each column gets what it would like, and the
//    width left over goes to the columns that may grow (the text columns; a
//    column of amounts stays as narrow as its figures).
//  - Not everything fits: each column gets its widest word, and the width left
//    over is shared in proportion to how much more each would like, so long
//    texts wrap between words and no word breaks.
//  - Not even the words fit: the widths follow the words', scaled to the page;
//    only then does a word break.
// The widths are whole units (twentieths of a point in Word) adding up to the total.

export interface ColumnNeed {
	/** The widest word, padding included. */
	min: number;
	/** The widest line, padding included: at least min. */
	max: number;
	/** Whether the column takes a share of the width nobody needs. */
	grow: boolean;
}

/** The words of a text that a line may not break inside: split at spaces, tabs and line breaks, never at a no-break space. */
export function unbreakable(text: string): string[] {
	return text.split(/[ \t\r\n]+/).filter(Boolean);
}

/** Shares `total` among the columns; see above. */
export function shareWidth(columns: ColumnNeed[], total: number): number[] {
	if (!columns.length) return [];
	const needs = columns.map((c) => ({ ...c, min: Math.max(0, c.min), max: Math.max(c.min, c.max, 0) }));
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const mins = sum(needs.map((c) => c.min));
	const maxes = sum(needs.map((c) => c.max));
	let widths: number[];
	if (maxes <= total) {
		const growing = needs.some((c) => c.grow) ? needs.filter((c) => c.grow) : needs;
		const weight = sum(growing.map((c) => c.max)) || growing.length;
		widths = needs.map((c) => c.max + (growing.includes(c) ? ((total - maxes) * (c.max || 1)) / weight : 0));
	} else if (mins <= total) {
		const wish = maxes - mins;
		widths = needs.map((c) => c.min + ((total - mins) * (c.max - c.min)) / wish);
	} else {
		widths = mins > 0 ? needs.map((c) => (c.min * total) / mins) : needs.map(() => total / needs.length);
	}
	return whole(widths, total);
}

/** Rounds the widths down to whole units and gives the units lost to rounding to the widest columns, so they add up to the total. */
function whole(widths: number[], total: number): number[] {
	const out = widths.map((w) => Math.floor(w));
	let left = Math.round(total) - out.reduce((a, b) => a + b, 0);
	const order = widths.map((w, i) => ({ i, frac: w - Math.floor(w) })).sort((a, b) => b.frac - a.frac);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
	return out;
}
