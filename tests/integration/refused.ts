// Runs a change that must be refused: its field messages, or a failure when it was not.
import { ValidationError } from '../../src/lib/server/errors.ts';

export async function refused(work: () => Promise<unknown>): Promise<Record<string, string>> {
	try {
		await work();
	} catch (e) {
		if (e instanceof ValidationError) return e.byField();
		throw e;
	}
	throw new Error('was not refused');
}
