// The organisation module's records as registers: their tables, inputs and
// the rules the database alone cannot express as a field message.
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { createIntroductionTask } from '../governance/cycle.ts';
import { saveAppointment } from '../governance/documents.ts';
import { body, membership, municipality, organisation, person, population } from '../db/schema/index.ts';
import { ValidationError } from '../errors.ts';
import type { Register } from '../register.ts';
import { ROLES, type Role } from '../../core/organisation.ts';
import { formatPartialPeriod, periodsOverlap } from '../../core/partial-date.ts';
import {
	bodyInput,
	membershipInput,
	municipalityInput,
	organisationInput,
	personInput,
	populationInput
} from '../../schemas/organisation.ts';

export const municipalities: Register<typeof municipalityInput> = {
	entity: 'municipality',
	what: 'Kommunen',
	table: municipality,
	input: municipalityInput,
	endField: 'memberTo',
	constraints: { municipality_code_unique: ['code', 'Kommunkod: det finns redan en kommun med den koden.'] }
};

export const populations: Register<typeof populationInput> = {
	entity: 'population',
	what: 'Befolkningsuppgiften',
	table: population,
	input: populationInput,
	constraints: {
		population_municipality_date: ['date', 'Datum: det finns redan en uppgift för den kommunen och det datumet.'],
		population_municipality_id_municipality_id_fk: ['municipalityId', 'Kommun: den valda kommunen finns inte.']
	}
};

export const organisations: Register<typeof organisationInput> = {
	entity: 'organisation',
	what: 'Organisationen',
	table: organisation,
	input: organisationInput,
	endField: 'endedOn'
};

/** A body cannot sit under itself, directly or through its parents. */
async function checkBodyParent(tx: Tx, values: { parentId: number | null; replacesId: number | null }, id?: number) {
	if (id !== undefined && values.replacesId === id) {
		throw new ValidationError([{ field: 'replacesId', message: 'Ersätter: ett organ kan inte ersätta sig självt.' }]);
	}
	for (let p = values.parentId, depth = 0; p !== null && depth < 50; depth++) {
		if (p === id) throw new ValidationError([{ field: 'parentId', message: 'Ingår i: ett organ kan inte ingå i sig självt.' }]);
		const [row] = await tx.select({ parentId: body.parentId }).from(body).where(eq(body.id, p));
		if (!row) throw new ValidationError([{ field: 'parentId', message: 'Ingår i: det valda organet finns inte.' }]);
		p = row.parentId;
	}
}

export const bodies: Register<typeof bodyInput> = {
	entity: 'body',
	what: 'Organet',
	table: body,
	input: bodyInput,
	endField: 'activeTo',
	check: checkBodyParent,
	constraints: {
		body_replaces_id_body_id_fk: ['replacesId', 'Ersätter: det valda organet finns inte.'],
		body_period: ['activeTo', 'Aktiv till kan inte vara före startdatumet.']
	}
};

export const persons: Register<typeof personInput> = {
	entity: 'person',
	what: 'Personen',
	table: person,
	input: personInput,
	endField: 'endedOn',
	constraints: {
		person_employer_municipality_id_municipality_id_fk: ['employerMunicipalityId', 'Arbetsgivare (kommun): den valda kommunen finns inte.'],
		person_employer_organisation_id_organisation_id_fk: [
			'employerOrganisationId',
			'Arbetsgivare (organisation): den valda organisationen finns inte.'
		]
	}
};

export const memberships: Register<typeof membershipInput> = {
	entity: 'membership',
	what: 'Uppdraget',
	table: membership,
	input: membershipInput,
	endField: 'validTo',
	constraints: {
		membership_person_id_person_id_fk: ['personId', 'Person: den valda personen finns inte.'],
		membership_body_id_body_id_fk: ['bodyId', 'Organ: det valda organet finns inte.'],
		membership_represents_municipality_id_municipality_id_fk: [
			'representsMunicipalityId',
			'Företräder kommun: den valda kommunen finns inte.'
		],
		membership_represents_organisation_id_organisation_id_fk: [
			'representsOrganisationId',
			'Företräder organisation: den valda organisationen finns inte.'
		],
		membership_period: ['validTo', 'Till kan inte vara före startdatumet.'],
		membership_valid_from: ['validFrom', 'Från måste vara ett datum, en månad, ett halvår eller ett år.'],
		membership_valid_to: ['validTo', 'Till måste vara ett datum, en månad, ett halvår eller ett år.'],
		membership_appointment_appointed_by_person_id_person_id_fk: ['appointedByPersonId', 'Utsedd av: den valda personen finns inte.'],
		membership_appointment_directive_version_id_governing_document_version_id_fk: [
			'directiveVersionId',
			'Enligt direktiv: den valda versionen finns inte.'
		]
	},
	check: (tx, values, id) => oneChairAtATime(tx, values, id),
	// A newcomer gets an introduction meeting; who appointed them is the governance module's record.
	saved: async (tx, actor, row, values, isNew) => {
		await saveAppointment(tx, actor, row.id, values);
		if (isNew) await createIntroductionTask(tx, actor, row);
	}
};

/** A body has one chair and one vice chair at a time: a period that certainly shares a day with another's is refused. */
async function oneChairAtATime(tx: Tx, v: { bodyId: number; role: string; validFrom: string | null; validTo: string | null }, id?: number) {
	if (v.role !== 'chair' && v.role !== 'vice_chair') return;
	const others = await tx
		.select({ validFrom: membership.validFrom, validTo: membership.validTo, name: person.name })
		.from(membership)
		.innerJoin(person, eq(person.id, membership.personId))
		.where(and(eq(membership.bodyId, v.bodyId), eq(membership.role, v.role), id ? ne(membership.id, id) : undefined));
	const clash = others.find((o) => periodsOverlap({ from: v.validFrom, to: v.validTo }, { from: o.validFrom, to: o.validTo }));
	if (clash)
		throw new ValidationError([
			{
				field: 'validFrom',
				message: `Från: organet har redan ${ROLES[v.role as Role].toLowerCase()} under samma tid (${clash.name}, ${formatPartialPeriod({ from: clash.validFrom, to: clash.validTo })}). Avsluta det uppdraget först eller ändra perioden.`
			}
		]);
}
