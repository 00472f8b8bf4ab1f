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
