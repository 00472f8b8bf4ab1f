// The cooperation's own settings: one row per installation, administrators only.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { cooperation } from '../db/schema/index.ts';
import type { Actor } from '../actor.ts';
import { cooperationInput } from '../../schemas/organisation.ts';
import { versionField } from '../../schemas/fields.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';

export async function updateCooperation(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'admin');
	const values = validate(cooperationInput, input);
	const { version } = validate(z.object({ version: versionField }), input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, cooperation, 1, version, values, 'Samarbetet');
			await writeAudit(tx, actor, { action: 'update', entity: 'cooperation', entityId: 1, before, after });
			return after;
		},
		{ cooperation_host_municipality_id_municipality_id_fk: ['hostMunicipalityId', 'Värdkommun: den valda kommunen finns inte.'] }
	);
}
