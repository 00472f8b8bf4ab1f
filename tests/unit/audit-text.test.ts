import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, auditInWords, ENTITY_LABELS, fieldLabel, valueInWords } from '../../src/lib/core/audit-text.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('auditInWords', () => {
	it('says what was done to which record in Swedish, not by table name and event key', () => {
		expect(auditInWords({ action: 'send_notice', entity: 'meeting', entityId: '12', before: null, after: null }).what).toBe(
			'Skickade kallelse möte #12'
		);
		expect(auditInWords({ action: 'adopt', entity: 'plan', entityId: '3', before: null, after: null }).what).toBe(
			'Fastställde verksamhetsplan #3'
		);
		expect(auditInWords({ action: 'update', entity: 'agenda_item', entityId: '7', before: {}, after: {} }).what).toBe(
			'Ändrade dagordningspunkt #7'
		);
		expect(auditInWords({ action: 'revoke', entity: 'api_token', entityId: '1', before: null, after: null }).what).toBe(
			'Återkallade API-nyckel #1'
		);
	});

	it('lists each changed field as label: before → after, amounts in kronor, dates as dates', () => {
		const words = auditInWords(
			{
				action: 'update',
				entity: 'ledger_entry',
				entityId: '5',
				before: { id: 5, version: 1, amount: 123450, date: '2021-03-01', text: 'Lokalhyra', updatedAt: '2021-03-01T10:00:00Z' },
				after: { id: 5, version: 2, amount: 123456, date: '2021-03-02', text: 'Lokalhyra', updatedAt: '2021-03-02T10:00:00Z' }
			},
			{ date: 'Bokföringsdag' }
		);
		expect(words.changes.map((c) => `${c.label}: ${plain(c.before)} → ${plain(c.after)}`)).toEqual([
			'Belopp: 1 234,50 kr → 1 234,56 kr',
			'Bokföringsdag: 1 mars 2021 → 2 mars 2021'
		]);
	});

	it('shows what a new record holds, never its secrets or row bookkeeping', () => {
		const words = auditInWords({
			action: 'create',
			entity: 'account',
			entityId: '2',
			before: null,
			after: { id: 2, email: 'anna@exempel.invalid', passwordHash: 'x', disabled: false, createdAt: '2026-01-01T00:00:00Z' }
		});
		expect(words.changes).toEqual([
			{ field: 'email', label: 'E-post', before: '–', after: 'anna@exempel.invalid' },
			{ field: 'disabled', label: 'Avstängt', before: '–', after: 'nej' }
		]);
	});

	it('falls back to words for keys it does not know, never raw JSON', () => {
		expect(auditInWords({ action: 'frobnicate_thing', entity: 'new_table', entityId: null, before: null, after: null }).what).toBe(
			'Frobnicate thing new table'
		);
		expect(fieldLabel('hostMunicipalityId')).toBe('Host municipality id');
		expect(valueInWords('after', { to: ['Anna', 'Bo'], withoutAddress: [] })).toBe('Till: Anna, Bo; Utan e-postadress: –');
	});

	it('has words for every event key and record type the services write', () => {
		// Every literal the services hand to writeAudit, read from their source.
		const files = fs.readdirSync('src/lib/server', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
		const source = files.map((f) => fs.readFileSync(path.join('src/lib/server', f), 'utf8')).join('\n');
		const literals = (re: RegExp) => [
			...new Set([...source.matchAll(re)].flatMap((m) => [...m[1].matchAll(/'([a-z_-]+)'/g)].map((x) => x[1])))
		];
		const actions = literals(/\baction: ([^,}\n]+)/g);
		const entities = literals(/\bentity: ([^,}\n]+)/g).filter((e) => e !== 'entity');
		expect(actions.length).toBeGreaterThan(40);
		expect(entities.length).toBeGreaterThan(40);
		expect(actions.filter((a) => !ACTION_LABELS[a])).toEqual([]);
		expect(entities.filter((e) => !ENTITY_LABELS[e])).toEqual([]);
		for (const key of ['send_notice', 'approve_secretary', 'approve_adjuster']) expect(ACTION_LABELS[key], key).toBeTruthy();
	});
});
