// What a typed text may hold. PostgreSQL's text cannot hold NUL, the pg driver
// silently turns a lone surrogate into U+FFFD, and control characters break the
// documents made from the text (XML, PDF) for everyone who opens them. So they
// are refused when typed, naming the field, rather than stored.

/** Why a text cannot be saved as typed, in Swedish, or null when it can. */
export function unsafeText(s: string, { multiline }: { multiline: boolean }): string | null {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
			if (c === 0x0a || c === 0x0d || c === 0x09) {
				if (multiline) continue;
				return c === 0x09 ? 'får inte innehålla tabbtecken' : 'får inte innehålla radbrytningar';
			}
			return `innehåller ett styrtecken (${codePoint(c)}) som inte kan sparas`;
		}
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i++;
				continue;
			}
			return `innehåller ett ofullständigt tecken (${codePoint(c)}) som inte kan sparas`;
		}
		if (c >= 0xdc00 && c <= 0xdfff) return `innehåller ett ofullständigt tecken (${codePoint(c)}) som inte kan sparas`;
		if (c === 0xfffe || c === 0xffff) return `innehåller ett otillåtet tecken (${codePoint(c)})`;
	}
	return null;
}

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first string inside a value (an object, a list) that cannot be saved: its path and why. */
export function firstUnsafeText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; problem: string } | null {
	if (typeof value === 'string') {
		const problem = unsafeText(value, { multiline: true });
		return problem ? { path, problem } : null;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const found = firstUnsafeText(value[i], [...path, i]);
			if (found) return found;
		}
		return null;
	}
	if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
		for (const [k, v] of Object.entries(value)) {
			const found = firstUnsafeText(v, [...path, k]);
			if (found) return found;
		}
	}
	return null;
}
