// Which addresses mail may be handed to, and how a recipient list is told in
// words. Pure: no I/O.

/**
 * Why mail to an address is never handed to a mail server, or null when it
 * may be: the top-level domain .invalid is reserved and can never exist (RFC
 * 6761, section 6.4); the demo's addresses are there.
 */
export function undeliverableReason(address: string): string | null {
	const domain = address.trim().toLowerCase().split('@').pop() ?? '';
	if (domain === 'invalid' || domain.endsWith('.invalid'))
		return `Inte skickat: adressen ${address.trim()} ligger i den reserverade domänen .invalid (RFC 6761), som aldrig tar emot e-post. Meddelandet lämnades inte till e-postservern.`;
	return null;
}

/** "Anna, Bo och Cecilia": a list of names in a Swedish sentence. */
export function namesInWords(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

/** "1 mottagare", "3 mottagare"; "1 person", "2 personer". */
export const personCount = (n: number) => `${n} ${n === 1 ? 'person' : 'personer'}`;
