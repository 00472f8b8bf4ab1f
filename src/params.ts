// Route parameter matchers (SvelteKit 3 reads them from this file).
import { defineParams } from '@sveltejs/kit/params';

export const params = defineParams({
	/** The published documents' kinds in their addresses: /reports/annual/2021.html, /reports/plan/2020.pdf. */
	reportkind: (param) => (param === 'annual' || param === 'plan' ? param : undefined)
});
