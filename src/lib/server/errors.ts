// The errors a service raises; routes and the API map them to status codes.
import type { z } from 'zod';

export interface FieldError {
	field: string;
	message: string;
}

/** Bad input: 422 with a Swedish message per field. Nothing was saved. */
export class ValidationError extends Error {
	readonly status = 422;
	readonly errors: FieldError[];
	constructor(errors: FieldError[]) {
		super(errors.map((e) => e.message).join(' '));
		this.errors = errors;
	}
	static fromZod(error: z.ZodError): ValidationError {
		return new ValidationError(error.issues.map((i) => ({ field: i.path.map(String).join('.') || '_', message: i.message })));
	}
	/** field name → first message, for forms */
	byField(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const e of this.errors) out[e.field] ??= e.message;
		return out;
	}
}

/** A refusal of one field, with its message. */
export const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);

export class NotFoundError extends Error {
	readonly status = 404;
	constructor(what = 'Posten') {
		super(`${what} finns inte.`);
	}
}

export class ForbiddenError extends Error {
	readonly status = 403;
	constructor(message = 'Du har inte behörighet till det här.') {
		super(message);
	}
}

export class UnauthenticatedError extends Error {
	readonly status = 401;
	constructor(message = 'Logga in först.') {
		super(message);
	}
}

/** Someone else saved the record since it was read. */
export class ConflictError extends Error {
	readonly status = 409;
	constructor(message = 'Någon annan har ändrat posten sedan du öppnade den. Ladda om sidan, se deras ändring och gör din igen.') {
		super(message);
	}
}

export class TooManyRequestsError extends Error {
	readonly status = 429;
}

export type ServiceError = ValidationError | NotFoundError | ForbiddenError | UnauthenticatedError | ConflictError | TooManyRequestsError;

export function isServiceError(e: unknown): e is ServiceError {
	return (
		e instanceof ValidationError ||
		e instanceof NotFoundError ||
		e instanceof ForbiddenError ||
		e instanceof UnauthenticatedError ||
		e instanceof ConflictError ||
		e instanceof TooManyRequestsError
	);
}

/** An error and the errors it wraps (Drizzle wraps pg's), at most five deep. */
function* causes(e: unknown): Generator<object> {
	for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) yield x;
}

/** PostgreSQL's codes for a connection the server ended or could not open (admin shutdown, crash, failover). */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/**
 * Whether an error means the database was out of reach for a moment (a dropped
 * connection, a failover): the request answers 503 and may be tried again,
 * rather than 500, which means a defect.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
	for (const x of causes(e)) {
		const { code, message } = x as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && (CONNECTION_LOST.has(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')) return true;
		if (typeof message === 'string' && /^Connection terminated|^terminating connection/.test(message)) return true;
	}
	return false;
}

export const DATABASE_UNAVAILABLE = 'Databasen svarar inte just nu. Försök igen om en stund.';
/** A change whose connection dropped is not known to be saved: the user checks and tries again. */
export const CHANGE_UNCONFIRMED = 'Databasen svarade inte, så ändringen är inte bekräftad. Kontrollera sidan och försök igen om en stund.';

/**
 * A value PostgreSQL refused as data (class 22: a number past its type, a date
 * it cannot hold, a character its encoding cannot): the input's fault, so a
 * refusal, never a 500. The validation in front of the database should have
 * said which field; this is the net behind it, for what it missed.
 */
export function dataRefusedByDatabase(e: unknown): ValidationError | null {
	for (const x of causes(e)) {
		const { code } = x as { code?: unknown };
		if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
			console.warn('databasen vägrade ett värde:', code, (x as { message?: string }).message);
			return new ValidationError([{ field: '_', message: DATA_REFUSED }]);
		}
	}
	return null;
}

export const DATA_REFUSED =
	'Ett värde kunde inte tas emot (ett för stort tal, ett ogiltigt datum eller ett otillåtet tecken). Inget sparades.';
