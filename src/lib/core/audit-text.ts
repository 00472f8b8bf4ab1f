// The audit log in words: what kind of record, what was done to it, and each
// changed field as "label: before → after", amounts in kronor and dates as dates.
// Pure: the page passes the field labels its forms use.
import { formatDate, formatDateTime, formatKronor } from './format.ts';

/** Table names → what a user calls the record. */
export const ENTITY_LABELS: Record<string, string> = {
	account: 'Konto',
	action_item: 'Åtgärdspunkt',
	activity: 'Aktivitet',
	agenda_item: 'Dagordningspunkt',
	agreement: 'Samverkansavtal',
	api_token: 'API-nyckel',
	attendance: 'Närvaro',
	body: 'Organ',
	body_rules: 'Organets regler',
	budget_line: 'Budgetpost',
	calendar_feed: 'Kalenderprenumeration',
	weekly_digest: 'Veckans uppgifter per e-post',
	consultation: 'Remiss',
	cooperation: 'Samarbetet',
	cost_sharing: 'Kostnadsfördelning',
	decision: 'Beslut',
	decision_activity: 'Beslut kopplat till aktivitet',
	duty: 'Årlig uppgift',
	event: 'Evenemang',
	external_meeting: 'Externt möte',
	extra_meeting_request: 'Begäran om extra möte',
	fee_invoice: 'Fakturaunderlag',
	fee_rule: 'Avgiftsregel',
	fiscal_year: 'Räkenskapsår',
	focus_area: 'Fokusområde',
	follow_up: 'Uppföljning',
	fund: 'Fond',
	fund_transfer: 'Fondöverföring',
	governing_document: 'Styrdokument',
	influence: 'Påverkansarbete',
	ledger_category: 'Bokföringskategori',
	ledger_entry: 'Bokföringspost',
	meeting: 'Möte',
	meeting_count: 'Antal möten',
	membership: 'Uppdrag',
	minutes: 'Protokoll',
	municipality: 'Kommun',
	news: 'Nyhet',
	opening_balance: 'Ingående balans',
	organisation: 'Organisation',
	outbox: 'Utskick',
	person: 'Person',
	plan: 'Verksamhetsplan',
	plan_area: 'Område i verksamhetsplan',
	plan_comment: 'Kommunens synpunkt på planen',
	population: 'Befolkningsuppgift',
	priority_object: 'Prioriterat objekt',
	programme: 'Utvecklingsprogram',
	programme_area: 'Programområde',
	project: 'Projekt',
	project_report_text: 'Projektets text i rapport',
	report_edition: 'Rapportutgåva',
	report_template: 'Rapportmall',
	sub_goal: 'Delmål',
	task: 'Uppgift',
	turnover_count: 'Byten av representanter'
};

/** Event keys → what was done, as a verb in the past tense. */
export const ACTION_LABELS: Record<string, string> = {
	create: 'Skapade',
	update: 'Ändrade',
	end: 'Avslutade',
	delete: 'Tog bort',
	remove: 'Tog bort',
	login: 'Loggade in',
	logout: 'Loggade ut',
	disable: 'Stängde av',
	enable: 'Aktiverade',
	revoke: 'Återkallade',
	renew: 'Förnyade',
	'load-demo': 'Laddade demodata',
	add_funding: 'Lade till finansiering',
	add_target: 'Lade till mål',
	add_version: 'Lade till version',
	adjust: 'Justerade',
	adopt: 'Fastställde',
	amend: 'Reviderade',
	answer: 'Besvarade',
	appoint: 'Utsåg',
	approve_adjuster: 'Justerade (justerare)',
	approve_secretary: 'Godkände (sekreterare)',
	attach: 'Bifogade handling',
	cancel: 'Ställde in',
	'change-password': 'Bytte lösenord',
	close: 'Stängde',
	create_invoices: 'Skapade fakturaunderlag',
	digest: 'Skickade veckosammanställning',
	distribute: 'Delgav',
	done: 'Markerade som klar',
	'force-password-reset': 'Krävde nytt lösenord',
	generate_tasks: 'Skapade årets uppgifter',
	import: 'Importerade',
	label: 'Märkte',
	link: 'Kopplade',
	link_decision: 'Kopplade beslut',
	link_meeting: 'Kopplade möte',
	move: 'Flyttade',
	new_version: 'Öppnade ny version',
	note: 'Antecknade',
	notice: 'Skickade kallelse',
	send_notice: 'Skickade kallelse',
	resend_notice: 'Skickade uppdaterad kallelse',
	send_invitation_update: 'Skickade ändrad kalenderinbjudan',
	send_cancellation: 'Skickade besked om inställt möte',
	notify_registrars: 'Meddelade registratorerna',
	paid: 'Markerade som betald',
	unpaid: 'Markerade som obetald',
	remind: 'Skickade påminnelse',
	remove_funding: 'Tog bort finansiering',
	remove_target: 'Tog bort mål',
	reopen: 'Öppnade igen',
	'request-password-reset': 'Begärde nytt lösenord',
	'reset-password': 'Valde nytt lösenord',
	retry: 'Försökte skicka igen',
	send_for_comment: 'Skickade till kommunerna för synpunkter',
	'set-password': 'Satte lösenord',
	set_opening: 'Satte ingående balans',
	submit: 'Skickade svaret',
	table: 'Bordlade',
	unlink_meeting: 'Tog bort koppling till möte',
	upload_response: 'Laddade upp svar',
	write_minutes: 'Skrev protokollstext'
};

/** Field names the forms do not label, or label differently from how a log reads. */
export const FIELD_LABELS: Record<string, string> = {
	amount: 'Belopp',
	total: 'Totalt',
	status: 'Status',
	title: 'Titel',
	name: 'Namn',
	shortName: 'Kortnamn',
	email: 'E-post',
	phone: 'Telefon',
	role: 'Roll',
	date: 'Datum',
	year: 'År',
	text: 'Text',
	note: 'Anteckning',
	comment: 'Kommentar',
	description: 'Beskrivning',
	source: 'Källa',
	kind: 'Typ',
	startsAt: 'Börjar',
	endsAt: 'Slutar',
	place: 'Plats',
	deadline: 'Sista svarsdag',
	receivedOn: 'Mottagen',
	submittedOn: 'Skickat',
	decidedOn: 'Beslutsdatum',
	dueOn: 'Förfallodag',
	doneOn: 'Klar',
	paidOn: 'Betald',
	validFrom: 'Gäller från',
	validTo: 'Gäller till',
	memberFrom: 'Ledamot från',
	memberTo: 'Ledamot till',
	sentAt: 'Skickat',
	noticeSentAt: 'Kallelse skickad',
	cancelledReason: 'Skäl till inställt',
	reportText: 'Text till årsredovisningen',
	minutesText: 'Protokollstext',
	responseText: 'Svarstext',
	timing: 'När',
	population: 'Folkmängd',
	populationDate: 'Datum för folkmängd',
	disabledAt: 'Avstängt',
	disabled: 'Avstängt',
	active: 'Aktiv',
	attempts: 'Försök',
	lastError: 'Senaste fel',
	recipient: 'Mottagare',
	subject: 'Ämne',
	to: 'Till',
	withoutAddress: 'Utan e-postadress',
	voucher: 'Verifikation',
	counterparty: 'Motpart',
	sharePercent: 'Andel (procent)'
};

/** Never listed: bookkeeping of the rows themselves, and secrets. */
const HIDDEN = new Set([
	'id',
	'version',
	'rowVersion',
	'createdAt',
	'updatedAt',
	'createdBy',
	'passwordHash',
	'tokenHash',
	'token',
	'snapshot'
]);
/** Integer öre. */
const MONEY = new Set(['amount', 'total', 'costCapPerParticipant', 'budget', 'amountOre']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value in words: kronor, dates, yes/no, lists; "–" for nothing. */
export function valueInWords(key: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return value ? 'ja' : 'nej';
	if (typeof value === 'number') return MONEY.has(key) && Number.isInteger(value) ? formatKronor(value) : String(value);
	if (typeof value === 'string') {
		if (MONEY.has(key) && /^-?\d+$/.test(value)) return formatKronor(Number(value));
		if (ISO_DATE.test(value)) return formatDate(value);
		if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
		return value;
	}
	if (Array.isArray(value)) return value.length ? value.map((v) => valueInWords(key, v)).join(', ') : '–';
	// A nested record: its fields in words, not its JSON.
	return Object.entries(value as Record<string, unknown>)
		.filter(([k]) => !HIDDEN.has(k))
		.map(([k, v]) => `${fieldLabel(k)}: ${valueInWords(k, v)}`)
		.join('; ');
}

/** A field's label: the form's own, else the log's, else the name split into words. */
export function fieldLabel(key: string, labels: Record<string, string> = {}): string {
	const known = labels[key] ?? FIELD_LABELS[key];
	if (known) return known;
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/_/g, ' ')
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
}

export interface AuditEntryInWords {
	/** "Ändrade Möte #12" */
	what: string;
	action: string;
	entity: string;
	/** for a change: the fields that changed; for a new or removed record: what it held */
	changes: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An audit row in words. */
export function auditInWords(
	e: { action: string; entity: string; entityId: string | null; before: unknown; after: unknown },
	labels: Record<string, string> = {}
): AuditEntryInWords {
	const action = ACTION_LABELS[e.action] ?? fieldLabel(e.action);
	const entity = ENTITY_LABELS[e.entity] ?? fieldLabel(e.entity);
	// "Ändrade dagordningspunkt #3"; a name that opens with an abbreviation ("API-nyckel") keeps its capitals.
	const noun = /^.[A-ZÅÄÖ]/.test(entity) ? entity : entity.charAt(0).toLowerCase() + entity.slice(1);
	const what = `${action} ${noun}${e.entityId ? ` #${e.entityId}` : ''}`;
	const before = isRecord(e.before) ? e.before : {};
	const after = isRecord(e.after) ? e.after : {};
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
	const changes = keys
		.filter((k) => !same(before[k], after[k]))
		.map((k) => ({
			field: k,
			label: fieldLabel(k, labels),
			before: k in before ? valueInWords(k, before[k]) : '–',
			after: k in after ? valueInWords(k, after[k]) : '–'
		}));
	return { what, action, entity, changes };
}
