// The OpenAPI paths written by hand: the endpoints that are not a register
// (finance figures, the agreement, search, the published documents, the
// session), and the error answers every path shares. The registers' paths are
// generated in openapi.ts.
import { z } from 'zod';
import { amendmentInput, noticeInput } from '../../schemas/governance.ts';
import { adoptInput, templateInput } from '../../schemas/documents.ts';
import { SEARCH_KINDS } from '../../core/search.ts';
import * as answers from './answers.ts';
import { PARAMETER_SCHEMAS, pageParameters } from './http.ts';

/** Registers an answer's zod schema as a component and gives its $ref. */
export type Answer = (id: string, schema: z.ZodType) => { $ref: string };

export const errors = {
	'401': { description: 'Inte inloggad', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
	'403': { description: 'Ingen behörighet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
	'404': { description: 'Finns inte', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
	'409': {
		description: 'Någon annan har ändrat posten (fel version)',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	},
	'415': {
		description: 'Innehållet var inte application/json; inget sparades',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	},
	'422': {
		description: 'Ogiltiga uppgifter; inget sparades',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	}
};

export const jsonSchema = (schema: z.ZodType) => {
	const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
	return rest;
};

/** The hand-written paths; the input schemas they refer to are added to `schemas`. */
export function endpointPaths(schemas: Record<string, unknown>, answer: Answer): Record<string, unknown> {
	const paths: Record<string, unknown> = {};
	const json = (description: string, schema: { $ref: string }) => ({
		description,
		content: { 'application/json': { schema } }
	});
	const amounts = 'Belopp i ören (heltal).';
	// yearOf (http.ts): any other year is 404.
	const yearParameter = [{ name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: 1900, maximum: 2200 } }];
	paths['/api/v1/finance/years/{year}/fees'] = {
		parameters: yearParameter,
		get: {
			tags: ['Ekonomi'],
			summary: 'Årets avgift per kommun',
			description: `Folkmängden den 31 december året före per kommun och avgiften. Saknas en kommuns folkmängd är dess belopp null och totalen kommer från samverkans egen siffra med källa. ${amounts}`,
			operationId: 'getFees',
			responses: { '200': json('Avgiften', answer('Fees', answers.financeYearsYearFeesAnswer)), '404': errors['404'] }
		}
	};
	paths['/api/v1/agreement/notice'] = {
		get: {
			tags: ['Samarbetsavtalet'],
			summary: 'När en uppsägning får verkan',
			description:
				'Uppsägningstiden börjar den första dagen i månaden efter att ordföranden tog emot uppsägningen och löper tolv månader (samarbetsavtalet §2, §9).',
			parameters: [
				{
					name: 'received',
					in: 'query',
					required: true,
					description: 'Dagen uppsägningen togs emot (ÅÅÅÅ-MM-DD)',
					schema: PARAMETER_SCHEMAS.date
				}
			],
			operationId: 'getNoticePeriod',
			responses: { '200': json('Uppsägningstiden', answer('NoticePeriod', answers.agreementNoticeAnswer)), '422': errors['422'] }
		}
	};
	schemas.agreementNoticeInput = jsonSchema(noticeInput);
	schemas.agreementAmendmentInput = jsonSchema(amendmentInput);
	paths['/api/v1/search'] = {
		get: {
			tags: ['Sök'],
			summary: 'Sök i allt du får se',
			description:
				'Fulltextsökning med svensk ordstamning (PostgreSQL, konfigurationen swedish bakom unaccent: ord utan å, ä och ö hittas också), rangordnad. Träffarna i utdraget står inom «». Hittas inget föreslår suggestion en närliggande sökning som ger träffar (pg_trgm), annars null. Besökare ser det publika; inloggade även sina organs möten och uppföljningar.',
			parameters: [
				{
					name: 'q',
					in: 'query',
					required: true,
					description: 'Sökorden; "citat" för en fras, -ord för att utesluta. Utan ett enda sökbart ord: 422.',
					schema: { ...PARAMETER_SCHEMAS.string, minLength: 1 }
				},
				{
					name: 'kind',
					in: 'query',
					description: `Bara ett slag: ${SEARCH_KINDS.join(', ')}`,
					schema: { type: 'string', enum: [...SEARCH_KINDS] }
				},
				...pageParameters(20, 100)
			],
			operationId: 'search',
			responses: { '200': json('Träffarna, med antal per slag', answer('SearchResult', answers.searchAnswer)), '422': errors['422'] }
		}
	};
	paths['/api/v1/agreement'] = {
		get: {
			tags: ['Samarbetsavtalet'],
			summary: 'Samarbetsavtalet: gällande version med paragrafer och parter, alla versioner och uppsägningar',
			parameters: [{ name: 'version', in: 'query', description: 'En tidigare versions nummer', schema: PARAMETER_SCHEMAS.integer }],
			operationId: 'getAgreement',
			responses: { '200': json('Avtalet', answer('Agreement', answers.agreementAnswer)), '404': errors['404'], '422': errors['422'] }
		}
	};
	paths['/api/v1/agreement/notices'] = {
		post: {
			tags: ['Samarbetsavtalet'],
			summary: 'Registrera en kommuns uppsägning',
			description:
				'Räknar ut när uppsägningstiden börjar och när utträdet gäller, avslutar kommunens medlemskap dagen före (inga avgifter efter det), och underrättar övriga parters registratorer via utkorgen. Kräver rollen redaktör.',
			requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/agreementNoticeInput' } } } },
			operationId: 'recordNotice',
			responses: {
				'201': json('Uppsägningen', { $ref: '#/components/schemas/Saved' }),
				'401': errors['401'],
				'403': errors['403'],
				'422': errors['422']
			}
		}
	};
	paths['/api/v1/agreement/versions'] = {
		post: {
			tags: ['Samarbetsavtalet'],
			summary: 'Anta en ny version av avtalet (kräver ett beslut)',
			requestBody: {
				required: true,
				content: { 'application/json': { schema: { $ref: '#/components/schemas/agreementAmendmentInput' } } }
			},
			operationId: 'amendAgreement',
			responses: {
				'201': json('Versionen', { $ref: '#/components/schemas/Saved' }),
				'401': errors['401'],
				'403': errors['403'],
				'422': errors['422']
			}
		}
	};
	paths['/api/v1/agreement/settlement'] = {
		get: {
			tags: ['Samarbetsavtalet'],
			summary: 'Förhandsvisning av fördelningen vid upplösning (§10)',
			description: `Fondernas saldon vid årets slut och öppna projekts återstående budget, fördelade efter folkmängden på datumet; varje rad summerar exakt. ${amounts}`,
			parameters: [
				{
					name: 'date',
					in: 'query',
					required: true,
					description: 'Folkmängdens datum (ÅÅÅÅ-MM-DD)',
					schema: PARAMETER_SCHEMAS.date
				}
			],
			operationId: 'previewSettlement',
			responses: {
				'200': json('Fördelningen', answer('Settlement', answers.agreementSettlementAnswer)),
				'401': errors['401'],
				'403': errors['403'],
				'422': errors['422']
			}
		}
	};
	schemas.reportAdoptInput = jsonSchema(adoptInput);
	schemas.reportTemplateInput = jsonSchema(templateInput);
	const reportParameters = [
		{
			name: 'kind',
			in: 'path',
			required: true,
			description: 'annual (årsredovisning) eller plan (verksamhetsplan)',
			schema: { type: 'string', enum: ['annual', 'plan'] }
		},
		...yearParameter
	];
	paths['/api/v1/reports'] = {
		get: {
			tags: ['Dokument'],
			summary: 'Årsredovisningar och verksamhetsplaner per år, med adresserna till HTML, DOCX och PDF',
			description: 'Besökare ser de fastställda; redaktörer även utkasten.',
			operationId: 'listReports',
			responses: { '200': json('Åren', answer('ReportYears', answers.reportsAnswer)), '422': errors['422'] }
		}
	};
	paths['/api/v1/reports/{kind}/{year}'] = {
		parameters: reportParameters,
		get: {
			tags: ['Dokument'],
			summary: 'Ett års dokument som data: försättsblad, innehåll och block, och den låsta utgåvans kontrollsummor',
			parameters: [
				{ name: 'live', in: 'query', description: 'true: skapat ur dagens uppgifter (redaktörer)', schema: PARAMETER_SCHEMAS.boolean }
			],
			operationId: 'getReport',
			responses: {
				'200': json('Dokumentet', answer('Report', answers.reportsKindYearAnswer)),
				'401': errors['401'],
				'403': errors['403'],
				'404': errors['404'],
				'422': errors['422']
			}
		}
	};
	paths['/api/v1/reports/{kind}/{year}/adoption'] = {
		parameters: reportParameters,
		post: {
			tags: ['Dokument'],
			summary: 'Fastställ och lås dokumentet (kräver rollen redaktör)',
			description: 'Skapar dokumentet med beslutsdatumet på försättsbladet och låser modellen, DOCX och PDF med sina SHA-256-summor.',
			requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/reportAdoptInput' } } } },
			operationId: 'adoptReport',
			responses: {
				'201': json('Den låsta utgåvan', { $ref: '#/components/schemas/Saved' }),
				'401': errors['401'],
				'403': errors['403'],
				'404': errors['404'],
				'422': errors['422']
			}
		}
	};
	paths['/api/v1/reports/{kind}/{year}/template'] = {
		parameters: reportParameters,
		get: {
			tags: ['Dokument'],
			summary: 'Årets mall (ett nytt år utgår från förra årets; derivedFrom säger vilket)',
			operationId: 'getReportTemplate',
			responses: {
				'200': json('Mallen', answer('ReportTemplate', answers.reportsKindYearTemplateAnswer)),
				'401': errors['401'],
				'403': errors['403'],
				'404': errors['404']
			}
		},
		put: {
			tags: ['Dokument'],
			summary: 'Spara årets mall (kräver rollen redaktör; version krävs när året redan har en egen mall)',
			requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/reportTemplateInput' } } } },
			operationId: 'saveReportTemplate',
			responses: {
				'200': json('Mallen', { $ref: '#/components/schemas/ReportTemplate' }),
				'401': errors['401'],
				'403': errors['403'],
				'409': errors['409'],
				'422': errors['422']
			}
		}
	};
	paths['/api/v1/finance/years/{year}/closing'] = {
		parameters: yearParameter,
		get: {
			tags: ['Ekonomi'],
			summary: 'Årets bokslut per fond',
			description: `Ingående balans, intäkter, kostnader och utgående balans per fond, beräknat ur bokföringen, och de tryckta siffror som bokföringen inte ger. Är året före inte stängt är openingsProvisional satt: de ingående balanserna är då föregående års utgående balanser enligt bokföringen (from), och firstUnclosed är året som ska stängas först. ${amounts}`,
			operationId: 'getClosing',
			responses: { '200': json('Bokslutet', answer('Closing', answers.financeYearsYearClosingAnswer)), '404': errors['404'] }
		}
	};
	paths['/api/v1/session'] = {
		post: {
			tags: ['Inloggning'],
			summary: 'Logga in med e-post och lösenord; ger samma sessionskaka som webbgränssnittet',
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } },
							required: ['email', 'password']
						}
					}
				}
			},
			operationId: 'signIn',
			responses: {
				'200': json('Inloggad', answer('SignedIn', answers.signedInAnswer)),
				'401': errors['401'],
				'429': {
					description: 'För många misslyckade försök för kontot från den här adressen, eller från adressen totalt',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
				}
			}
		},
		get: {
			operationId: 'getSession',
			tags: ['Inloggning'],
			summary: 'Vem är inloggad',
			responses: { '200': json('Aktören', answer('Session', answers.sessionAnswer)) }
		},
		delete: {
			operationId: 'signOut',
			tags: ['Inloggning'],
			summary: 'Logga ut',
			description: 'Med sessionskakan ska begäran komma från Samverkas egen Origin eller utan Origin.',
			responses: { '204': { description: 'Utloggad' }, '403': errors['403'] }
		}
	};
	paths['/api/v1/session/password'] = {
		post: {
			tags: ['Inloggning'],
			summary: 'Byt det inloggade kontots lösenord; det nuvarande krävs. Kontots andra sessioner avslutas (med en API-nyckel: alla).',
			operationId: 'changePassword',
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							properties: {
								currentPassword: { type: 'string' },
								newPassword: { type: 'string', minLength: 12, description: 'Minst 12 tecken och inte ett av de vanligaste lösenorden' },
								repeatPassword: { type: 'string', description: 'Valfri; om den anges måste den vara lika med newPassword' }
							},
							required: ['currentPassword', 'newPassword']
						}
					}
				}
			},
			responses: {
				'200': json('Bytt', answer('PasswordChanged', answers.passwordChangedAnswer)),
				'401': errors['401'],
				'422': errors['422'],
				'429': {
					description: 'För många felaktiga lösenord härifrån',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
				}
			}
		}
	};
	return paths;
}
