import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
			compilerOptions: { runes: true },
			// The pages' Content-Security-Policy (issue 21). Hashes, not nonces, for
			// every page: anonymous visitors get pages from the response cache, and a
			// cached page would repeat its nonce to everyone, which defeats a nonce; a
			// hash of the inline start-up script stays true for every copy. Styles keep
			// 'unsafe-inline': Svelte's style attributes (chart sizes, progress bars)
			// and app.html's wrapper use them; no script may be inline without its hash.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	server: { port: 3000 }
});
