// Swedish words around numbers and lists: "1 konto", "2 konton", "Anna, Bo och Cecilia".
import { formatNumber } from './format.ts';

/** A noun's two forms: the singular that follows 1 (and −1), the plural that follows every other count. */
export interface Noun {
	one: string;
	many: string;
}

/** The form of the noun a count takes: 1 → one, 0, 2, 1,5 … → many. */
export const nounFor = (n: number, noun: Noun): string => (Math.abs(n) === 1 ? noun.one : noun.many);

/** A count with its noun, the number in Swedish digit groups: count(1, KONTO) → "1 konto", count(1200, KONTO) → "1 200 konton". */
export const count = (n: number, noun: Noun): string => `${formatNumber(n)} ${nounFor(n, noun)}`;

/** A noun from its two forms: noun('konto', 'konton'). */
export const noun = (one: string, many: string): Noun => ({ one, many });

/** Names as Swedish writes a list: [] → "", [a] → "a", [a, b] → "a och b", [a, b, c] → "a, b och c". */
export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
