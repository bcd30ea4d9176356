// npm run bench -- rules [--scale province|national] [--years 2019-2026] [--seed 7] [--dir DIR]
// Generates (or reuses --dir) a data set, loads it through the CLI's ingest path, audits every
// period it holds, and prints, per rule, precision and recall of the flagged findings against the
// generator's truth.jsonl. Then the time of a full audit of the loaded years beside a plain
// GROUP BY scan of the same ratings in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingKey, RULES, type FindingKey, type RuleId } from '../src/lib/domain/anomaly';
import { closeDb, getDb, ROOT } from '../src/lib/server/db';
import { ingestFiles } from '../src/lib/server/ingest';
import { runAudit } from '../src/lib/server/rules/runner';
import { flagString, parseArgs } from '../src/cli/output';
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

export async function benchRules(argv: string[]): Promise<void> {
	const { flags } = parseArgs(argv);
	const scale = flagString(flags, 'scale') ?? 'province';
	const years = flagString(flags, 'years') ?? (scale === 'national' ? '2022-2026' : '2019-2026');
	let dir = flagString(flags, 'dir');
	if (!dir) {
		dir = join(tempDir('giamsat-rules-'), 'data');
		console.log(`Sinh dữ liệu ${scale} ${years} vào ${dir}…`);
		const g = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', '--scale', scale, '--years', years, '--seed', flagString(flags, 'seed') ?? '7', '--out', dir], { cwd: ROOT, stdio: 'inherit' });
		if (g.status !== 0) throw new Error('sinh dữ liệu thất bại');
	}
	const dbPath = join(tempDir('giamsat-rules-db-'), 'rules.duckdb');
	const db = await getDb(dbPath);
	const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(dir!, f));
	const load = await timed(() => ingestFiles(db, files, { audit: false }));
	const stored = load.value.files.reduce((s, f) => s + f.rowsStored, 0);
	line('Nạp', `${num(files.length)} tệp, ${num(stored)} dòng, ${secs(load.seconds)}; từ chối ${num(load.value.files.filter((f) => f.status === 'refused').length)} tệp`);

	const periods = load.value.touched;
	const flagged: FindingKey[] = [];
	const audit = await timed(async () => {
		for (const p of periods) {
			const r = await runAudit(db, { year: p.year, periodKind: p.period_kind as FindingKey['period_kind'], periodNo: p.period_no, signals: false });
			for (const f of r.findings) if (f.status === 'flagged') flagged.push(f as unknown as FindingKey);
		}
	});
	const scan = await timed(() =>
		db.query(`select period_year, period_kind, period_no, deciding_unit_id, unit_id, subject_kind, final_level, count(*) as n
			from rating_current group by all`)
	);
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
	console.log();
	line(`Kiểm tra toàn bộ ${num(periods.length)} kỳ`, secs(audit.seconds));
	line('GROUP BY quét cùng dữ liệu xếp loại', secs(scan.seconds));
	line('Tỷ lệ (mục tiêu ≤ 10×, < 20 giây)', `${(audit.seconds / scan.seconds).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}×`);
	line('Bộ nhớ đỉnh (RSS)', `${num(Math.round(peakMb()))} MB`);
	await closeDb(dbPath);
}
