// Every field label the forms show, by field name: the audit log names a changed
// field as the form that changed it does.
import type { FieldSpec } from './spec.ts';
import * as consultations from './consultations.ts';
import * as finance from './finance.ts';
import * as governance from './governance.ts';
import * as meetings from './meetings.ts';
import * as organisation from './organisation.ts';
import * as planning from './planning.ts';
import * as projects from './projects.ts';

const isFieldList = (v: unknown): v is FieldSpec[] =>
	Array.isArray(v) && v.length > 0 && v.every((f) => typeof f === 'object' && f !== null && 'name' in f && 'label' in f && 'type' in f);

/** field name → label; where two forms label a name differently, the first form read wins. */
export const FORM_FIELD_LABELS: Record<string, string> = (() => {
	const out: Record<string, string> = {};
	for (const module of [organisation, planning, meetings, consultations, finance, governance, projects])
		for (const value of Object.values(module)) if (isFieldList(value)) for (const f of value) out[f.name] ??= f.label.replace(/\s*\*$/, '');
	return out;
})();
