// Vite for the app, vitest for the tests (test/ mirrors src/).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['test/**/*.test.ts'],
		setupFiles: ['test/helpers/cleanup.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// DuckDB work is CPU-bound; two cores here.
		maxWorkers: 2
	}
});
