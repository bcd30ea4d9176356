// npm run bench -- rules [--scale province|national] [--years 2019-2026] [--seed 7] [--dir DIR] [--db PATH] [--chunk N]
// Generates (or reuses --dir) a data set, loads it through the CLI's ingest path year by year into
// a new database (or --db: the files it already holds are not loaded again), audits every period
// of the years, and prints, per rule, precision and recall of the flagged findings against the
// generator's truth.jsonl. Then the time of a full audit of the loaded years beside a plain
// GROUP BY scan of the same ratings in the same run (the median of three).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findingKey, RULES, type FindingKey, type RuleId } from '../src/lib/domain/anomaly';
import { closeDb, getDb, ROOT } from '../src/lib/server/db';
import { ingestFiles } from '../src/lib/server/ingest';
import { auditPeriods, refreshUnitOrigin } from '../src/lib/server/rules/runner';
import { flagInt, flagString, parseArgs } from '../src/cli/output';
import { tempDir } from '../test/helpers/files';
import { line, num, peakMb, secs, timed } from './util';

interface Truth extends FindingKey {
	expect: 'flagged' | 'not_flagged';
	case?: string;
}

export function readTruth(dir: string): Truth[] {
	const path = join(dir, 'truth.jsonl');
	if (!existsSync(path)) throw new Error(`Không có ${path}`);
	return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Precision and recall per rule of flagged findings against truth (keys by findingKey). */
export function score(truth: Truth[], flagged: FindingKey[]) {
	const out: Record<string, { tp: number; fp: number; fn: number; nearMissFlagged: number }> = {};
	const want = new Map<string, Truth>();
	const nearMiss = new Set<string>();
	for (const t of truth) (t.expect === 'flagged' ? want.set(findingKey(t), t) : nearMiss.add(findingKey(t)));
	const got = new Set(flagged.map(findingKey));
	for (const rule of Object.keys(RULES)) out[rule] = { tp: 0, fp: 0, fn: 0, nearMissFlagged: 0 };
	for (const k of got) {
		const rule = k.split('|')[0];
		if (want.has(k)) out[rule].tp++;
		else {
			out[rule].fp++;
			if (nearMiss.has(k)) out[rule].nearMissFlagged++;
		}
	}
	for (const [k, t] of want) if (!got.has(k)) out[t.rule].fn++;
	return out;
}

/** "2019-2026" or "2025" as the list of years. */
function yearRange(spec: string): number[] {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(spec);
	if (!m) throw new Error(`--years "${spec}" không hợp lệ: dùng 2019-2026 hoặc 2025.`);
	const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
	return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The data files of a folder by year (from the name's leading year); undated ones (the registry) with the first. */
function filesByYear(dir: string, years: number[]): Map<number, string[]> {
	const out = new Map<number, string[]>(years.map((y) => [y, []]));
	for (const f of readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).sort()) {
		const y = /^(\d{4})/.exec(f);
		const year = y ? Number(y[1]) : years[0];
		out.get(year)?.push(join(dir, f));
	}
	return out;
}

export async function benchRules(argv: string[]): Promise<void> {
	const { flags } = parseArgs(argv);
	const scale = flagString(flags, 'scale') ?? 'province';
	const yearSpec = flagString(flags, 'years') ?? (scale === 'national' ? '2022-2026' : '2019-2026');
	const years = yearRange(yearSpec);
	const dbPath = flagString(flags, 'db') ?? join(tempDir('giamsat-rules-db-'), 'rules.duckdb');
	const db = await getDb(dbPath);
	const loaded = new Set((await db.query<{ y: number }>('select distinct period_year as y from rating')).map((r) => r.y));

	let dir = flagString(flags, 'dir');
	if (!dir && !years.every((y) => loaded.has(y))) {
		dir = join(tempDir('giamsat-rules-'), 'data');
		console.log(`Sinh dữ liệu ${scale} ${yearSpec} vào ${dir}…`);
		const g = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', '--scale', scale, '--years', yearSpec, '--seed', flagString(flags, 'seed') ?? '7', '--out', dir], { cwd: ROOT, stdio: 'inherit' });
		if (g.status !== 0) throw new Error('sinh dữ liệu thất bại');
	}

	// year by year, in chunks of --chunk files (default 20 000), each its own ingest: memory stays
	// bounded (a national year before 2025 is 260 000 files) and each chunk commits, as when a
	// board loads its units' folders one by one. Files are taken in name order (year, then list
	// kind: rosters "DSDV" before rating lists "XL…"); the registry first. A file the database
	// already holds (by name) is not loaded again, so an interrupted load resumes where it stopped.
	if (dir) {
		const chunk = flagInt(flags, 'chunk') ?? 20_000;
		const held = new Set((await db.query<{ f: string }>('select distinct file_name as f from source_file')).map((r) => r.f));
		for (const [year, all] of filesByYear(dir, years)) {
			const files = all.filter((f) => !held.has(basename(f)));
			if (!files.length) {
				line(`Nạp ${year}`, `đã có trong ${dbPath}, bỏ qua`);
				continue;
			}
			const registry = files.filter((f) => !/^\d{4}/.test(basename(f)));
			const lists = files.filter((f) => /^\d{4}/.test(basename(f)));
			const batches = [registry, ...Array.from({ length: Math.ceil(lists.length / chunk) }, (_, i) => lists.slice(i * chunk, (i + 1) * chunk))].filter((b) => b.length);
			let stored = 0;
			let refused = 0;
			const load = await timed(async () => {
				for (const b of batches) {
					const r = await ingestFiles(db, b, { audit: false });
					stored += r.files.reduce((s, f) => s + f.rowsStored, 0);
					refused += r.files.filter((f) => f.status === 'refused').length;
				}
			});
			line(`Nạp ${year}`, `${num(files.length)} tệp (${num(batches.length)} lần nạp), ${num(stored)} dòng, ${secs(load.seconds)}; từ chối ${num(refused)} tệp`);
		}
	}

	const periods = await db.query<{ year: number; period_kind: FindingKey['period_kind']; period_no: number }>(
		`select distinct period_year as year, period_kind, period_no from rating
		 where period_year between $from and $to order by 1, 2 desc, 3`,
		{ from: years[0], to: years.at(-1)! }
	);
	// the registry's lineage table as a registry load leaves it (refreshUnitOrigin): a store loaded
	// by an older build of unit_origin.sql is rebuilt here once, timed apart, not in the first year's
	// audit (2 s on the national store, the cost of the load that changed the registry or the code)
	const origin = await timed(() => refreshUnitOrigin(db));
	if (origin.seconds > 0.05) line('Dựng lại unit_origin (phần của việc nạp)', secs(origin.seconds));
	// the loaded data written into the file first (an ingest leaves up to checkpoint_threshold in the
	// write-ahead log): the audit's time then holds its own writes only, not the tail of the load
	await db.run('checkpoint');
	// the audit as the ingest runs it (auditPeriods), findings computed and stored, not read back
	// (the keys the scoring needs are read afterwards, untimed); the screens (signals) are not
	// rules, and left out
	let runIds: number[] = [];
	const perPeriod: string[] = [];
	const cpu0 = process.cpuUsage();
	const audit = await timed(async () => {
		runIds = await auditPeriods(db, periods, { signals: false });
		// the findings written into the database file, not left in its write-ahead log
		const c = await timed(() => db.run('checkpoint'));
		perPeriod.push(`ghi vào tệp (checkpoint): ${secs(c.seconds)}`);
	});
	const cpu = process.cpuUsage(cpu0);
	// each period's own time and findings, as stored with its run
	const runs = runIds.length
		? await db.query<{ year: number; period_kind: string; period_no: number; seconds: number; n: number }>(
				`select r.period_year as year, r.period_kind, r.period_no, r.seconds, (select count(*) from anomaly a where a.run_id = r.id) as n
				 from audit_run r where r.id in (${runIds.join(', ')}) order by r.id`
			)
		: [];
	perPeriod.unshift(
		...runs.map((p) => `${p.year}${p.period_kind === 'year' ? '' : ` ${p.period_kind} ${p.period_no}`}: ${secs(p.seconds)}, ${num(p.n)} phát hiện`)
	);
	const flagged = runIds.length
		? await db.query<FindingKey>(
				`select rule, year, period_kind, period_no, unit_code, subject_ref from anomaly
				 where status = 'flagged' and run_id in (${runIds.join(', ')})`
			)
		: [];
	// the reference: one plain GROUP BY over the same ratings (the audited years, current rows),
	// aggregated inside DuckDB; only its size comes back, so that it times the scan, not the
	// conversion of millions of groups into JavaScript objects. Timed three times, the median
	// counted: one 2-second query on a shared 2-core machine varies by a quarter from run to run.
	const SCAN_RUNS = 3;
	const scanCpu0 = process.cpuUsage();
	const scans: Array<{ value: { groups: number; rows: number } | undefined; seconds: number }> = [];
	for (let i = 0; i < SCAN_RUNS; i++)
		scans.push(
			await timed(() =>
				db.one<{ groups: number; rows: number }>(
					`select count(*) as groups, sum(n)::bigint as rows from (
					   select period_year, period_kind, period_no, deciding_unit_id, unit_id, subject_kind, final_level, count(*) as n
					   from rating_current where period_year between $from and $to group by all)`,
					{ from: years[0], to: years.at(-1)! }
				)
			)
		);
	const scanCpu = process.cpuUsage(scanCpu0);
	const scan = [...scans].sort((a, b) => a.seconds - b.seconds)[Math.floor(SCAN_RUNS / 2)];
	if (dir) {
		const truth = readTruth(dir);
		const s = score(truth, flagged);
		console.log('\nQuy tắc                         đúng  thừa  sót   precision  recall  (cận biên bị đánh dấu)');
		for (const [rule, v] of Object.entries(s)) {
			const p = v.tp + v.fp ? v.tp / (v.tp + v.fp) : 1;
			const r = v.tp + v.fn ? v.tp / (v.tp + v.fn) : 1;
			console.log(
				`${RULES[rule as RuleId].no.padEnd(4)} ${rule.padEnd(28)} ${String(v.tp).padStart(5)} ${String(v.fp).padStart(5)} ${String(v.fn).padStart(5)}   ${p.toFixed(2).padStart(8)}  ${r.toFixed(2).padStart(6)}  (${v.nearMissFlagged})`
			);
		}
	} else console.log('\n(không có --dir: không có truth.jsonl để tính precision, recall)');
	console.log();
	for (const l of perPeriod) console.log(`  ${l}`);
	line(`Kiểm tra toàn bộ ${num(periods.length)} kỳ`, `${secs(audit.seconds)} (CPU ${secs((cpu.user + cpu.system) / 1e6)})`);
	line('GROUP BY quét cùng dữ liệu xếp loại', `${secs(scan.seconds)} (trung vị của ${scans.map((x) => secs(x.seconds)).join('; ')}; CPU ${secs((scanCpu.user + scanCpu.system) / 1e6 / scans.length)} mỗi lần; ${num(scan.value!.rows)} dòng, ${num(scan.value!.groups)} nhóm)`);
	line('Tỷ lệ (mục tiêu ≤ 10×, < 20 giây)', `${(audit.seconds / scan.seconds).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}×`);
	line('Bộ nhớ đỉnh (RSS)', `${num(Math.round(peakMb()))} MB`);
	await closeDb(dbPath);
}
