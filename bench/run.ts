// npm run bench -- ingest|generate|rules|pages [options]: one entry point for the benchmarks. Each prints
// its figures beside DuckDB's own raw speed on the same data in the same run.
const [what, ...args] = process.argv.slice(2).filter((a) => a !== '--');

const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
	ingest: async () => ({ run: (await import('./ingest')).benchIngest }),
	generate: async () => ({ run: (await import('./generate')).benchGenerate }),
	rules: async () => ({ run: (await import('./rules')).benchRules }),
	pages: async () => ({ run: (await import('./pages')).benchPages })
};

if (!what || !(what in benches)) {
	console.error(`Cách dùng: npm run bench -- ${Object.keys(benches).join('|')} [tùy chọn]`);
	process.exit(2);
}
const b = await benches[what]();
await b.run(args);
process.exit(0);
