import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { auditEntities, listAudit } from '#lib/server/audit/queries.ts';
import { pageOf, requirePage } from '#lib/server/web.ts';
import { ACTION_LABELS, ENTITY_LABELS, auditInWords } from '#lib/core/audit-text.ts';
import { FORM_FIELD_LABELS } from '#lib/forms/labels.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'admin');
	const q = event.url.searchParams;
	const filter = {
		entity: q.get('entity') || undefined,
		entityId: q.get('entityId') || undefined,
		action: q.get('action') || undefined,
		from: ISO.test(q.get('from') ?? '') ? q.get('from')! : undefined,
		to: ISO.test(q.get('to') ?? '') ? q.get('to')! : undefined
	};
	const [log, entities] = await Promise.all([listAudit(db(), actor, filter, pageOf(event.url, 50, 200)), auditEntities(db())]);
	return {
		// Each row in words (what was done, field: before → after); the raw row stays beside it for the administrator.
		log: { ...log, items: log.items.map((e) => ({ ...e, words: auditInWords(e, FORM_FIELD_LABELS) })) },
		entities: entities
			.map((value) => ({ value, label: ENTITY_LABELS[value] ?? value }))
			.sort((a, b) => a.label.localeCompare(b.label, 'sv')),
		actions: Object.entries(ACTION_LABELS)
			.map(([value, label]) => ({ value, label }))
			.sort((a, b) => a.label.localeCompare(b.label, 'sv')),
		filter
	};
};
