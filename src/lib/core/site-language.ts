// The public site in Swedish and English. The records themselves (minutes,
// responses, reports) are Swedish documents; the site around them speaks the
// visitor's language, and marks the Swedish content as Swedish.

import { SWEDISH, formatsIn } from './format.ts';

export const SITE_LANGUAGES = ['sv', 'en'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

/** `/en` and everything under it is the English site. */
export const languageOfPath = (path: string): SiteLanguage => (path === '/en' || path.startsWith('/en/') ? 'en' : 'sv');

const FORMATS: Record<SiteLanguage, ReturnType<typeof formatsIn>> = { sv: SWEDISH, en: formatsIn('en-GB') };

/** A calendar date in the language: "9 februari 2022", "9 February 2022". */
export const dateIn = (lang: SiteLanguage, iso: string | null | undefined) => FORMATS[lang].date(iso);
/** An instant in Stockholm time: "20 november 2020 kl. 08:30", "20 November 2020 at 08:30". */
export const timeIn = (lang: SiteLanguage, at: Date | string) => FORMATS[lang].dateTime(at);
export const numberIn = (lang: SiteLanguage, n: number) => FORMATS[lang].number(n);

/** Every word the public start page says, in both languages. */
export const FRONT_TEXT = {
	sv: {
		title: 'Start',
		lead: 'Samverka samlar samarbetets organisation, planer, möten, remisser, projekt, ekonomi och de dokument som publiceras, på ett ställe.',
		figures: 'Nyckeltal',
		municipalities: 'Kommuner',
		allMunicipalities: 'Alla kommuner',
		inhabitants: 'Invånare',
		noFigure: 'Ingen uppgift',
		on: (date: string) => `den ${date}`,
		networks: 'Nätverk',
		allNetworks: 'Alla nätverk',
		vision: 'Vision och mål',
		visionLabel: 'Vision',
		overallGoal: 'Övergripande mål',
		areasCaption: (programme: string) => `Områden och fokusområden i ${programme}`,
		area: 'Område',
		purpose: 'Syfte',
		focusAreas: 'Fokusområden',
		programmeLink: 'Hela programmet med delmål',
		documents: 'Publicerade dokument',
		annual: (year: number) => `Årsredovisning ${year}`,
		plan: (year: number) => `Verksamhetsplan ${year}`,
		decided: (date: string) => `beslutad ${date}`,
		allDocuments: 'Alla årsredovisningar och verksamhetsplaner',
		noDocuments: 'Inga dokument är fastställda än.',
		priorities: 'Prioriterade objekt',
		allPriorities: 'Om de prioriterade objekten',
		responses: 'Senaste gemensamma remissvar',
		sent: (date: string) => `skickat ${date}`,
		allResponses: 'Alla remisser och svar',
		noResponses: 'Inga gemensamma remissvar är skickade än.',
		upcoming: 'Kommande möten',
		noUpcoming: 'Inga möten är planerade.',
		calendar: 'Kalendern',
		minutes: 'Senast justerade protokoll',
		noMinutes: 'Inga protokoll är justerade än.',
		news: 'Nyheter',
		allNews: 'Alla nyheter',
		feed: 'Atom-flöde',
		organisation: 'Organisationen i dag',
		withRoles: (n: number) => (n === 0 ? 'inga uppdrag registrerade för i dag' : `${n} med uppdrag i dag`),
		members: 'Medlemskommuner',
		inhabitantsOn: (n: string, date: string) => `${n} invånare (${date})`,
		noPopulation: 'Folkmängd saknas'
	},
	en: {
		title: 'About the cooperation',
		lead: 'The cooperation of its member municipalities: its goals, priorities, published documents, joint consultation responses, minutes and calendar. The documents themselves are in Swedish.',
		figures: 'Key figures',
		municipalities: 'Municipalities',
		allMunicipalities: 'All municipalities (in Swedish)',
		inhabitants: 'Inhabitants',
		noFigure: 'Not known',
		on: (date: string) => `on ${date}`,
		networks: 'Networks',
		allNetworks: 'All networks (in Swedish)',
		vision: 'Vision and goals',
		visionLabel: 'Vision',
		overallGoal: 'Overall goal',
		areasCaption: (programme: string) => `Areas and focus areas of ${programme}`,
		area: 'Area',
		purpose: 'Purpose',
		focusAreas: 'Focus areas',
		programmeLink: 'The whole programme with its sub-goals (in Swedish)',
		documents: 'Published documents',
		annual: (year: number) => `Annual report ${year}`,
		plan: (year: number) => `Operational plan ${year}`,
		decided: (date: string) => `adopted ${date}`,
		allDocuments: 'All annual reports and operational plans (in Swedish)',
		noDocuments: 'No document has been adopted yet.',
		priorities: 'Priority objects',
		allPriorities: 'About the priority objects (in Swedish)',
		responses: 'Latest joint consultation responses',
		sent: (date: string) => `submitted ${date}`,
		allResponses: 'All consultations and responses (in Swedish)',
		noResponses: 'No joint response has been submitted yet.',
		upcoming: 'Coming meetings',
		noUpcoming: 'No meeting is planned.',
		calendar: 'The calendar (in Swedish)',
		minutes: 'Latest approved minutes',
		noMinutes: 'No minutes have been approved yet.',
		news: 'News',
		allNews: 'All news (in Swedish)',
		feed: 'Atom feed',
		organisation: 'The organisation today',
		withRoles: (n: number) => (n === 0 ? 'no roles recorded for today' : `${n} ${n === 1 ? 'person' : 'people'} with a role today`),
		members: 'Member municipalities',
		inhabitantsOn: (n: string, date: string) => `${n} inhabitants (${date})`,
		noPopulation: 'Population not known'
	}
} as const;

export type FrontText = (typeof FRONT_TEXT)[SiteLanguage];

/** The body kinds as the English site names them. */
export const BODY_KINDS_EN: Record<string, string> = {
	committee: 'Committee',
	management_group: 'Management group',
	secretariat: 'Secretariat',
	network: 'Network',
	working_group: 'Working group',
	steering_group: 'Steering group',
	reference_group: 'Reference group'
};

/** The site's frame: skip link, menus, search, sign-in, footer. */
export const FRAME_TEXT = {
	sv: {
		skip: 'Hoppa till innehållet',
		menu: 'Huvudmeny',
		menuButton: 'Meny',
		contact: 'Kontakt',
		accessibility: 'Tillgänglighet',
		search: 'Sök',
		searchLabel: 'Sök på webbplatsen',
		signIn: 'Logga in',
		signOut: 'Logga ut',
		languageLink: { href: '/en', label: 'In English', lang: 'en' }
	},
	en: {
		skip: 'Skip to content',
		menu: 'Main menu',
		menuButton: 'Menu',
		contact: 'Contact (in Swedish)',
		accessibility: 'Accessibility (in Swedish)',
		search: 'Search',
		searchLabel: 'Search the site (Swedish words)',
		signIn: 'Sign in',
		signOut: 'Sign out',
		languageLink: { href: '/', label: 'På svenska', lang: 'sv' }
	}
} as const;
