// How a form field is shown. The same labels name the fields in the schemas'
// error messages, so a message always matches what the user sees.

export interface Option {
	value: string;
	label: string;
}

export interface FieldSpec {
	name: string;
	label: string;
	type:
		'text' | 'email' | 'tel' | 'date' | 'time' | 'textarea' | 'select' | 'number' | 'password' | 'checkboxes' | 'checkbox' | 'multiselect';
	required?: boolean;
	hint?: string;
	autocomplete?: string;
	/** static choices, or the name of a list the page loads */
	options?: readonly Option[] | ListName;
}

export type ListName =
	| 'municipalities'
	| 'bodies'
	| 'persons'
	| 'organisations'
	| 'subGoals'
	| 'planAreas'
	| 'decisions'
	| 'programmes'
	| 'activities'
	| 'members'
	| 'funds'
	| 'categories'
	| 'projects'
	| 'events'
	| 'priorityObjects'
	| 'meetings'
	| 'directiveVersions'
	| 'governingVersions'
	| 'externalMeetings'
	| 'plans';
export type OptionLists = Partial<Record<ListName, Option[]>>;

export const choices = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** What a page's returned form data says about one of its several forms. */
export interface PageForm {
	form?: string;
	values?: Record<string, unknown>;
	errors?: Record<string, string>;
	message?: string;
}

/**
 * The values, errors and message one form of a page shows: those of a refused
 * post when it was this form, else the defaults. Spread into RecordForm.
 */
export function formState(form: PageForm | null | undefined, name: string, defaults: Record<string, unknown> = {}) {
	const mine = form?.form === name;
	return {
		values: mine ? (form.values ?? defaults) : defaults,
		errors: mine ? form.errors : undefined,
		message: mine ? form.message : undefined
	};
}
