// npm start: the one command a newcomer runs. On first start it generates the `small` demo data
// (one district, 2019–2026) and loads it through the same ingest as the CLI, builds the app if
// there is no build, then serves it and prints the URL. Later starts reuse data and build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeDb, defaultDbPath, getDb, ROOT } from '../lib/server/db';
import { ingestFiles } from '../lib/server/ingest';
import { flagString, num, parseArgs, secs } from './output';

const { flags } = parseArgs(process.argv.slice(2));
const dbPath = flagString(flags, 'db') ?? defaultDbPath();
const demoDir = join(ROOT, 'data', 'demo');
const port = flagString(flags, 'port') ?? process.env.PORT ?? '3000';

function run(cmd: string, args: string[], what: string) {
	const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
	if (r.status !== 0) {
		console.error(`Lỗi: ${what} thất bại (mã ${r.status}).`);
		process.exit(1);
	}
}

async function ensureData() {
	const db = await getDb(dbPath);
	const has = await db.one<{ n: number }>('select count(*)::int as n from rating');
	if (has?.n) {
		console.log(`Dữ liệu đã có: ${num(has.n)} kết quả xếp loại trong ${dbPath}.`);
		await closeDb(dbPath);
		return;
	}
	if (!existsSync(demoDir) || !readdirSync(demoDir).some((f) => /\.(csv|xlsx)$/i.test(f))) {
		console.log('Sinh dữ liệu mẫu (quy mô small: một huyện, 2019–2026)…');
		run(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', '--scale', 'small', '--years', '2019-2026', '--seed', '1', '--out', demoDir], 'sinh dữ liệu mẫu');
	}
	const files = readdirSync(demoDir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(demoDir, f));
	console.log(`Nạp ${num(files.length)} tệp mẫu…`);
	const t0 = performance.now();
	const r = await ingestFiles(db, files, { loadedBy: 'demo' });
	const loaded = r.files.filter((f) => f.status === 'loaded');
	const refused = r.files.filter((f) => f.status === 'refused');
	console.log(`Đã nạp ${num(loaded.length)} tệp, ${num(loaded.reduce((s, f) => s + f.rowsStored, 0))} dòng; ${num(refused.length)} tệp bị từ chối (tệp sai cố ý của bộ sinh dữ liệu); ${secs((performance.now() - t0) / 1000)}.`);
	await closeDb(dbPath);
}

await ensureData();
if (!existsSync(join(ROOT, 'build', 'index.js'))) {
	console.log('Build ứng dụng…');
	run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], 'build');
}
const server = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], {
	cwd: ROOT,
	stdio: ['ignore', 'inherit', 'inherit'],
	env: { ...process.env, PORT: port, GIAMSAT_DB: dbPath, ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '200M' }
});
console.log(`\nGiám Sát đang chạy tại http://localhost:${port}  (Ctrl+C để dừng)`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
