// npm run bench -- pages --db PATH [--scope MÃ,…] [--port N]: the pages as a user gets them, from the
// built app (`node build`, as `npm start` serves it) over HTTP, on a database already loaded and
// audited (e.g. the one `bench -- rules --scale national --db PATH` leaves). For the whole country
// and for each --scope (default: the largest province), each page's first answer and the median of
// three more, beside a plain GROUP BY of the latest year's ratings in the same run. The server's
// start is timed too: it builds the dashboards' tables (marts) when the data changed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { flagInt, flagString, parseArgs } from '../src/cli/output';
import { closeDb, getDb, ROOT } from '../src/lib/server/db';
import { line, num, secs, timed } from './util';

interface Samples {
	year: number;
	province: string | null;
	district: string | null;
	commune: string | null;
	chiBo: string | null;
}

/** Units to open pages of: the largest province, and under it the district, commune and chi bộ
 * with the most findings (a page with something to show). */
async function pickSamples(dbPath: string): Promise<Samples & { scan: number; scanRows: number }> {
	const db = await getDb(dbPath);
	const year = (await db.one<{ y: number | null }>('select max(period_year) as y from rating')).y;
	if (year === null) throw new Error(`${dbPath} chưa có danh sách xếp loại nào: nạp và kiểm tra trước (npm run bench -- rules --db …).`);
	const province =
		(await db.one<{ c: string | null }>(
			`select any_value(p.code order by p.code) as c from unit p join unit u on u.province_code = p.province_code
			 where p.kind = 'tinh_uy' group by p.id order by count(*) desc limit 1`
		).catch(() => ({ c: null }))).c ?? null;
	// (by the findings of the unit and those under it, every year: a district of before July 2025 too)
	const busiest = async (kind: string) =>
		province
			? ((
					await db.query<{ c: string }>(
						`select anc.code as c from anomaly a join unit u on u.id = a.unit_id
						 join unit anc on anc.kind = $kind and starts_with(u.path, anc.path)
						 join unit p on p.code = $province and starts_with(anc.path, p.path)
						 group by anc.code order by count(*) desc, anc.code limit 1`,
						{ province, kind }
					)
				)[0]?.c ?? null)
			: null;
	const samples = { year, province, district: await busiest('huyen_uy'), commune: await busiest('dang_bo_co_so'), chiBo: await busiest('chi_bo_truc_thuoc') };
	// the reference, as in bench -- rules: a plain GROUP BY of the year's ratings, median of three
	const scans = [];
	for (let i = 0; i < 3; i++)
		scans.push(
			await timed(() =>
				db.one<{ rows: number }>(
					`select sum(n)::bigint as rows from (
					   select period_kind, period_no, deciding_unit_id, unit_id, subject_kind, final_level, count(*) as n
					   from rating_current where period_year = $year group by all)`,
					{ year }
				)
			)
		);
	const scan = scans.sort((a, b) => a.seconds - b.seconds)[1];
	await closeDb(dbPath);
	return { ...samples, scan: scan.seconds, scanRows: Number(scan.value.rows) };
}

async function get(url: string): Promise<{ status: number; bytes: number; seconds: number }> {
	const t = await timed(async () => {
		const res = await fetch(url);
		return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
	});
	return { ...t.value, seconds: t.seconds };
}

/** The built app on dbPath, seen as `scope` (GIAMSAT_SCOPE); resolves once it answers. */
async function serve(dbPath: string, port: number, scope: string | null): Promise<{ server: ChildProcess; seconds: number }> {
	const server = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), GIAMSAT_DB: dbPath, GIAMSAT_SCOPE: scope ?? '', ORIGIN: `http://localhost:${port}` }
	});
	const t0 = performance.now();
	for (;;) {
		if (server.exitCode !== null) throw new Error(`máy chủ dừng khi khởi động (mã ${server.exitCode})`);
		try {
			await fetch(`http://localhost:${port}/don-vi?q=__khoi_dong__`);
			return { server, seconds: (performance.now() - t0) / 1000 };
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

async function stop(server: ChildProcess): Promise<void> {
	const done = new Promise((r) => server.once('exit', r));
	server.kill();
	await done;
}

export async function benchPages(argv: string[]): Promise<void> {
	const { flags } = parseArgs(argv);
	const dbPath = flagString(flags, 'db');
	if (!dbPath || !existsSync(dbPath)) throw new Error('Cần --db ĐƯỜNG_DẪN tới một kho đã nạp và kiểm tra (ví dụ kho của npm run bench -- rules --db …).');
	const port = flagInt(flags, 'port') ?? 3987;
	const s = await pickSamples(dbPath);
	const scopes: Array<string | null> = [null, ...(flagString(flags, 'scope')?.split(',').map((c) => c.trim()).filter(Boolean) ?? (s.province ? [s.province] : []))];
	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		console.log('Chưa có bản dựng: npm run build…');
		const b = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (b.status !== 0) throw new Error('dựng ứng dụng thất bại');
	}
	line('Năm xem', String(s.year));
	line('GROUP BY quét xếp loại năm đó', `${secs(s.scan)} (${num(s.scanRows)} dòng)`);
	const y = s.year;
	const pages: Array<[string, string | null]> = [
		['Tổng quan', '/'],
		['Tổng quan, năm trước', `/?nam=${y - 1}`],
		['Tổng quan, một huyện', s.district && `/?dv=${s.district}`],
		['Phát hiện', '/phat-hien'],
		['Phát hiện, trang 20', '/phat-hien?trang=20'],
		['Phát hiện, một quy tắc, cả năm', `/phat-hien?nam=${y}&ky=nam&qt=excellent_cap`],
		['Phát hiện, một xã', s.commune && `/phat-hien?dv=${s.commune}`],
		['Đơn vị, tìm "thôn"', '/don-vi?q=th%C3%B4n'],
		['Đơn vị: tỉnh', s.province && `/don-vi/${s.province}`],
		['Đơn vị: xã', s.commune && `/don-vi/${s.commune}`],
		['Đơn vị: chi bộ', s.chiBo && `/don-vi/${s.chiBo}`],
		['Lượt kiểm tra', '/kiem-tra'],
		['Xuất phiếu (một xã, .xlsx)', s.commune && `/phat-hien/xuat?dv=${s.commune}`],
		['Xuất phiếu (một huyện, .xlsx)', s.district && `/phat-hien/xuat?dv=${s.district}`]
	];
	for (const scope of scopes) {
		const { server, seconds } = await serve(dbPath, port, scope);
		try {
			console.log(`\nPhạm vi ${scope ?? 'toàn quốc'} — khởi động máy chủ (mở kho, bảng tổng hợp): ${secs(seconds)}`);
			console.log(`${'Trang'.padEnd(36)} ${'lần đầu'.padStart(10)} ${'trung vị 3 lần sau'.padStart(20)} ${'× GROUP BY'.padStart(11)}  mã, cỡ`);
			for (const [label, path] of pages) {
				if (!path) continue;
				const url = `http://localhost:${port}${path}`;
				const first = await get(url);
				const next = [await get(url), await get(url), await get(url)].sort((a, b) => a.seconds - b.seconds)[1];
				console.log(
					`${label.padEnd(36)} ${secs(first.seconds).padStart(10)} ${secs(next.seconds).padStart(20)} ${(next.seconds / s.scan).toLocaleString('vi-VN', { maximumFractionDigits: 1 }).padStart(10)}×  ${first.status}, ${num(Math.round(first.bytes / 1024))} KB`
				);
			}
		} finally {
			await stop(server);
		}
	}
}
