// The generator's entry point: lays out the districts of a scale (one district, a province, the
// country), runs its groups (in this thread, or shared among worker threads at national scale),
// and writes everything into one flat directory: the files units send, the unit registry,
// truth.jsonl (every planted case), invalid.jsonl (rows made invalid on purpose) and manifest.json.
// Every group holds one merged province in memory at most, so national scale streams; the output
// depends on the seed only, not on the number of workers. Called by src/cli/generate.ts,
// bench/generate.ts and the tests.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from '$lib/server/db';
import { runGroup, type GroupResult } from './district';
import { layout, mergedCodes, PRESETS, type GenerateOptions, type GroupLayout } from './layout';
import { KINDS } from './plant';
import { DEFAULT_MESS, fileStyle, type Mess } from './style';
import type { Truth, Unit } from './types';
import { registryCols, registryTable, render, renderCsv, Sink } from './writers';

export type { GenerateOptions, Scale } from './layout';

export interface GenerateSummary {
	scale: string;
	seed: string;
	years: number[];
	files: number;
	rows: number;
	bytes: number;
	byKind: Record<string, { files: number; rows: number }>;
	districts: number;
	membersByYear: Record<number, number>;
	orgsByYear: Record<number, number>;
	/** shares of final member levels (the year round) per year: [excellent, good, complete, incomplete] */
	sharesByYear: Record<number, [number, number, number, number]>;
	truth: { flagged: number; notFlagged: number; byCase: Record<string, number> };
	/** baseline findings the generator's own audit still saw (should be none) */
	baselineFindings: string[];
	missingKinds: string[];
	invalidFiles: string[];
	workers: number;
}

export interface Settings {
	opts: GenerateOptions;
	seed: string;
	years: number[];
	mess: Mess;
	plantRate: number;
	ensureAll: boolean;
}

export function settings(opts: GenerateOptions): Settings {
	const preset = PRESETS[opts.scale];
	return {
		opts,
		seed: String(opts.seed),
		years: [...opts.years].sort((a, b) => a - b),
		mess: { ...DEFAULT_MESS, ...preset.mess, ...opts.mess },
		plantRate: opts.plantRate ?? preset.plantRate,
		ensureAll: opts.ensureAll ?? preset.ensureAll
	};
}

/** Run some groups in this thread, writing their files; `each` receives every result in order. */
export async function runGroups(s: Settings, groups: GroupLayout[], sink: Sink, each: (r: GroupResult) => void, onDistrict?: (label: string) => void): Promise<void> {
	const merged = mergedCodes(ROOT);
	for (const g of groups) {
		const r = await runGroup(
			{ opts: s.opts, seed: s.seed, years: s.years, mess: s.mess, sink, plantRate: s.plantRate, ensureAll: s.ensureAll, merged: merged.has(g.code2025), onDistrict },
			g
		);
		each(r);
	}
}

/** The registry's file name and style: one file, XLSX for small, else a CSV streamed group by group. */
function registryStyle(s: Settings) {
	const st = fileStyle(s.seed, 'danh-muc-don-vi', { ...s.mess, tcvn3: 0, vni: 0, cp1258: 0, nfd: 0, csvTitles: 0, stray: 0 }, { allowXlsx: s.opts.scale === 'small', allowLegacy: false });
	st.titles = st.fmt === 'xlsx' && st.titles;
	return st;
}

/** The registry rows of one group as CSV text without the header (the same in every thread). */
export function registryChunk(s: Settings, units: Unit[]): string {
	const st = registryStyle(s);
	const cols = registryCols(st, false);
	const text = renderCsv(st, registryTable(st, units, cols)).toString('utf8').replace(/^\uFEFF/, '');
	return text.slice(text.indexOf('\n') + 1);
}

export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
	const s = settings(opts);
	const out = opts.out;
	mkdirSync(out, { recursive: true });
	const groups = layout(opts, ROOT);
	const total = groups.reduce((n, g) => n + g.districts.length, 0);
	const workers = Math.max(1, Math.min(opts.workers ?? (opts.scale === 'national' ? Math.min(2, availableParallelism()) : 1), groups.length));
	const sink = new Sink(out);
	const regSt = registryStyle(s);
	const regFile = `danh-muc-don-vi.${regSt.fmt}`;
	const regUnits: Unit[] = [];
	if (regSt.fmt === 'csv') {
		const cols = registryCols(regSt, false);
		const nl = regSt.sep === ';' ? '\r\n' : '\n';
		writeFileSync(join(out, regFile), (regSt.bom ? '\uFEFF' : '') + cols.headers.join(regSt.sep) + nl);
	}
	const results: Array<GroupResult | null> = groups.map(() => null);
	const chunks = new Map<number, string>();
	let next = 0;
	let done = 0;
	const summary: GenerateSummary = {
		scale: opts.scale,
		seed: s.seed,
		years: s.years,
		files: 0,
		rows: 0,
		bytes: 0,
		byKind: {},
		districts: 0,
		membersByYear: {},
		orgsByYear: {},
		sharesByYear: {},
		truth: { flagged: 0, notFlagged: 0, byCase: {} },
		baselineFindings: [],
		missingKinds: [],
		invalidFiles: [],
		workers
	};
	const levelCounts = new Map<number, number[]>();
	const truth: Truth[] = [];
	let invalidCtx: GroupResult['invalidCtx'] = {};
	let regRows = 0;
	// results are taken in group order, whatever order they arrive in, so the bytes do not depend on threads
	const take = (r: GroupResult, chunk?: string) => {
		results[r.gi] = r;
		if (chunk !== undefined) chunks.set(r.gi, chunk);
		while (next < groups.length && results[next]) {
			const g = results[next]!;
			truth.push(...g.truth);
			if (regSt.fmt === 'csv') appendFileSync(join(out, regFile), chunks.get(next) ?? registryChunk(s, g.units));
			else regUnits.push(...g.units);
			chunks.delete(next);
			regRows += g.regRows ?? g.units.length;
			if (!invalidCtx.chiBo && g.invalidCtx.chiBo) invalidCtx = g.invalidCtx;
			summary.districts += g.stats.districts;
			for (const [y, n] of Object.entries(g.stats.membersByYear)) summary.membersByYear[+y] = (summary.membersByYear[+y] ?? 0) + n;
			for (const [y, n] of Object.entries(g.stats.orgsByYear)) summary.orgsByYear[+y] = (summary.orgsByYear[+y] ?? 0) + n;
			for (const [y, c] of Object.entries(g.stats.levelCounts)) {
				const a = levelCounts.get(+y) ?? levelCounts.set(+y, [0, 0, 0, 0, 0]).get(+y)!;
				c.forEach((v, i) => (a[i] += v));
			}
			summary.baselineFindings.push(...g.stats.baselineFindings);
			g.units = [];
			results[next] = { ...g, truth: [] };
			next++;
		}
	};
	const progress = (label: string) => opts.onProgress?.({ done: ++done, total, label });

	if (workers === 1) {
		await runGroups(s, groups, sink, (r) => take(r), progress);
	} else {
		// share the groups among workers by size; each writes its files and returns its results
		const share: GroupLayout[][] = Array.from({ length: workers }, () => []);
		const load = new Array(workers).fill(0);
		for (const g of [...groups].sort((a, b) => b.members - a.members || a.gi - b.gi)) {
			const i = load.indexOf(Math.min(...load));
			share[i].push(g);
			load[i] += g.members;
		}
		const counts: Array<Pick<Sink, 'files' | 'rows' | 'bytes' | 'byKind'>> = [];
		await Promise.all(
			share.map(
				(mine) =>
					new Promise<void>((resolve, reject) => {
						const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
							workerData: { opts: { ...opts, onProgress: undefined }, groups: mine.map((g) => g.gi) }
						});
						w.on('message', (m: { type: string; result?: GroupResult & { chunk: string }; label?: string; counts?: (typeof counts)[number] }) => {
							if (m.type === 'district') progress(m.label!);
							else if (m.type === 'group') take(m.result!, m.result!.chunk);
							else if (m.type === 'done') counts.push(m.counts!);
						});
						w.on('error', reject);
						w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
					})
			)
		);
		for (const c of counts) {
			sink.files += c.files;
			sink.rows += c.rows;
			sink.bytes += c.bytes;
			for (const [k, v] of Object.entries(c.byKind)) {
				const t = (sink.byKind[k] ??= { files: 0, rows: 0 });
				t.files += v.files;
				t.rows += v.rows;
			}
		}
	}
	if (regSt.fmt === 'xlsx') sink.write(regFile, render(regSt, registryTable(regSt, regUnits, registryCols(regSt, true))), 'registry', regUnits.length);
	else {
		const k = (sink.byKind.registry ??= { files: 0, rows: 0 });
		k.files++;
		k.rows += regRows;
		sink.files++;
		sink.rows += regRows;
	}

	summary.invalidFiles = writeInvalid(sink, s.years[s.years.length - 1], invalidCtx.chiBo ?? 'CB0000000000', invalidCtx.decider ?? 'CS0000000');
	const kindsSeen = new Set(truth.map((t) => t.case));
	summary.missingKinds = KINDS.filter((k) => !kindsSeen.has(k.id) && s.years.some((y) => k.when(y, s.years))).map((k) => k.id);
	writeFileSync(join(out, 'truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n') + (truth.length ? '\n' : ''));
	for (const t of truth) {
		if (t.expect === 'flagged') summary.truth.flagged++;
		else summary.truth.notFlagged++;
		summary.truth.byCase[t.case] = (summary.truth.byCase[t.case] ?? 0) + 1;
	}
	for (const [y, c] of levelCounts) {
		const n = c[1] + c[2] + c[3] + c[4];
		summary.sharesByYear[y] = [c[4] / n, c[3] / n, c[2] / n, c[1] / n];
	}
	summary.files = sink.files + 3;
	summary.rows = sink.rows;
	summary.bytes = sink.bytes;
	summary.byKind = sink.byKind;
	// the manifest leaves out the number of threads: the same seed writes the same bytes either way
	const stable: Partial<GenerateSummary> = { ...summary };
	delete stable.workers;
	writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'giam-sat generate v1', ...stable }, null, 1) + '\n');
	return summary;
}

/** Files of deliberately invalid rows, each row wrong in one way, listed in invalid.jsonl. */
function writeInvalid(sink: Sink, y: number, cb: string, decider: string): string[] {
	const lines: string[] = [];
	const files: string[] = [];
	const one = (file: string, headers: string[], rows: string[][], bad: Array<{ row: number; col: number; field: string; error: string; message: string }>) => {
		const text = [headers.join(','), ...rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))].join('\n') + '\n';
		sink.write(file, text, 'invalid', rows.length);
		files.push(file);
		for (const b of bad) lines.push(JSON.stringify({ file, row: b.row + 2, column: headers[b.col], field: b.field, value: rows[b.row][b.col], error: b.error, message: b.message }));
	};
	const d = (dd: number) => `${dd}/11/${y}`;
	one(
		`${y}_LOI_xep-loai-dang-vien_khong-hop-le.csv`,
		['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Tự xếp loại', 'Đảng ủy quyết định', 'Ngày kiểm điểm', 'Ngày quyết định', 'Cấp quyết định', 'Năm', 'Đối tượng'],
		[
			['1', 'Nguyễn Văn Khải', '12/05/1980', '99000001', cb, 'HTTNV', 'Khá', d(15), d(20), decider, String(y), 'Đảng viên'],
			['2', '', '03/09/1975', '99000002', cb, 'HTTNV', 'HTTNV', d(15), d(20), decider, String(y), 'Đảng viên'],
			['3', 'Trần Thị Lụa', '21/01/1990', '99000003', cb, 'HTNV', 'HTNV', d(15), `31/02/${y}`, decider, String(y), 'Đảng viên'],
			['4', 'Lê Văn Định', '07/07/1969', '99000004', 'CB99999902', 'HTTNV', 'HTTNV', d(15), d(20), decider, String(y), 'Đảng viên']
		],
		[
			{ row: 0, col: 6, field: 'final_level', error: 'unknown_level', message: 'Mức xếp loại không hợp lệ' },
			{ row: 1, col: 1, field: 'full_name', error: 'no_name', message: 'Thiếu họ và tên' },
			{ row: 2, col: 8, field: 'decided_on', error: 'impossible_date', message: 'Ngày quyết định không hợp lệ' },
			{ row: 3, col: 4, field: 'unit_code', error: 'unknown_unit', message: 'Không có đơn vị này trong danh mục đơn vị' }
		]
	);
	one(
		`${y}_LOI_danh-sach-dang-vien_khong-hop-le.csv`,
		['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Mã chi bộ', 'Tình trạng', 'Ngày vào Đảng', 'Năm'],
		[
			['1', 'Phạm Văn Tài', '30/02/1970', 'Nam', '99000011', cb, 'Chính thức', '10/10/1995', String(y)],
			['2', 'Đỗ Thị Hằng', '11/11/1985', 'Nữ', '99000012', cb, 'Đang công tác', '19/05/2010', String(y)],
			['3', '', '01/01/1960', 'Nam', '99000013', cb, 'Chính thức', '03/02/1988', String(y)]
		],
		[
			{ row: 0, col: 2, field: 'birth', error: 'impossible_date', message: 'Ngày sinh không hợp lệ' },
			{ row: 1, col: 6, field: 'status', error: 'unknown_status', message: 'Tình trạng đảng viên không rõ' },
			{ row: 2, col: 1, field: 'full_name', error: 'no_name', message: 'Thiếu họ và tên' }
		]
	);
	writeFileSync(join(sink.dir, 'invalid.jsonl'), lines.join('\n') + '\n');
	return files;
}

