// The consultations register grown to 5 000 remisser for the bench, generated
// straight into the running server's database: plain SQL in one transaction,
// deterministic, every row valid under the table's checks (an answered remiss
// has its response and the day it was sent), then one audit_log row (its
// NOTIFY invalidates the response caches) and ANALYZE.
import pg from 'pg';

export const CONSULTATIONS = 5000;
const FIRST_YEAR = 2010;
const YEARS = 17;
const STATUSES = ['watched', 'drafting', 'answered', 'answered', 'answered', 'declined'] as const;
const SUBJECTS = [
	'Regional cykelplan',
	'Trafikförändringar',
	'Vägplan',
	'Länsplan',
	'Godsstrategi',
	'Kollektivtrafikplan',
	'Näringslivsstrategi'
];

export interface GeneratedConsultations {
	before: number;
	after: number;
	ms: number;
}

export async function generateConsultations(url: string, n = CONSULTATIONS): Promise<GeneratedConsultations> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const count = async () => Number((await c.query('select count(*) as n from consultation')).rows[0].n);
		const before = await count();
		const t0 = performance.now();
		await c.query('begin');
		const issuers = (await c.query<{ id: number }>('select id from organisation order by id limit 20')).rows.map((r) => r.id);
		// One statement: generate_series does the rows, the arithmetic spreads them over years, statuses and issuers.
		await c.query(
			`insert into consultation (issuer_id, title, reference, received_on, deadline, answer_jointly, not_joint_reason, status,
				written_year, submitted_on, submitted_year, response_text, source)
			 select ($1::int[])[1 + i % cardinality($1::int[])],
				($2::text[])[1 + i % cardinality($2::text[])] || ' ' || i,
				'BENCH ' || i,
				make_date(${FIRST_YEAR} + i % ${YEARS}, 1 + i % 12, 1 + i % 28),
				make_date(${FIRST_YEAR} + i % ${YEARS}, 1 + i % 12, 1 + i % 28) + 60,
				case when st = 'declined' then 'no' else 'yes' end,
				case when st = 'declined' then 'Kommunerna svarar var för sig.' end,
				st,
				${FIRST_YEAR} + i % ${YEARS},
				case when st = 'answered' then make_date(${FIRST_YEAR} + i % ${YEARS}, 1 + i % 12, 1 + i % 28) + 45 end,
				case when st = 'answered' then extract(year from make_date(${FIRST_YEAR} + i % ${YEARS}, 1 + i % 12, 1 + i % 28) + 45)::int end,
				case when st = 'answered' then 'Genererat svar.' end,
				'bench'
			 from (select i, ($3::text[])[1 + (i * 7) % cardinality($3::text[])] as st from generate_series(1, $4::int) as i) g`,
			[issuers, SUBJECTS, [...STATUSES], n]
		);
		await c.query(`insert into audit_log (actor, action, entity, after) values ('bench', 'bench-generate', 'bench', $1::jsonb)`, [
			JSON.stringify({ consultations: n })
		]);
		await c.query('commit');
		await c.query('analyze consultation');
		return { before, after: await count(), ms: performance.now() - t0 };
	} catch (e) {
		await c.query('rollback').catch(() => {});
		throw e;
	} finally {
		await c.end();
	}
}
