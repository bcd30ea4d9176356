// Loads one file: stage → resolve units → normalise → validate → identity → merge, all in one
// transaction on a connection of its own. Any refused row refuses the file and nothing is stored.
// The SQL of each step lives in sql/ingest/<kind>.sql, split on "-- step: name" markers.
import type { FileKind } from '../../domain/levels';
import { type Db, sqlFile } from '../db';
import { FIELDS } from './fields';
import { findHeader, readTitle, detectKind, parsePeriod, type HeaderMap, type TitleInfo } from './header';
import { IngestError, type RowError } from './errors';
import type { SourceTable } from './read';
import { stage } from './stage';

/** The named steps of an ingest SQL file, in file order. */
export function sqlSteps(rel: string): Map<string, string> {
	const parts = sqlFile(rel).split(/^-- step: (\w+)[ \t]*$/m);
	const steps = new Map<string, string>();
	for (let i = 1; i < parts.length; i += 2) steps.set(parts[i], parts[i + 1].trim());
	return steps;
}

export interface LoadOptions {
	year?: number;
	unit?: string;
	kind?: FileKind;
	scopePath: string;
	loadedBy?: string;
	/** told when each step begins (Vietnamese step name), for the CLI's progress line */
	onStep?: (step: string) => void;
}

export interface Prepared {
	src: SourceTable;
	header: HeaderMap;
	title: TitleInfo;
	kind: FileKind;
}

/** Header, title and kind of a file already read; IngestError when any cannot be found. */
export function prepare(src: SourceTable, opts: Pick<LoadOptions, 'kind'>): Prepared {
	const header = findHeader(src.preview);
	if (!header)
		throw new IngestError(src.fileName, 'Không tìm thấy dòng tiêu đề cột trong 20 dòng đầu (cần ít nhất hai cột nhận ra được, ví dụ "Họ và tên" và "Xếp loại"). Tải mẫu trống để xem tên cột.');
	const title = readTitle(src.preview, header.headerRows[0]);
	const kind = opts.kind ?? detectKind(new Set(header.columns.map((c) => c.field)), title);
	if (!kind)
		throw new IngestError(src.fileName, `Không nhận ra loại tệp từ các cột (${header.columns.map((c) => c.header).join(', ')}). Dùng --kind registry|roster|rating|discipline|civil_servant.`);
	return { src, header, title, kind };
}

const KIND_SQL: Record<FileKind, string> = {
	registry: 'ingest/registry.sql',
	roster: 'ingest/roster.sql',
	rating: 'ingest/rating.sql',
	civil_servant: 'ingest/rating.sql',
	discipline: 'ingest/discipline.sql'
};

function lit(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
	return `'${String(v).replaceAll("'", "''")}'`;
}

// Session variables the ingest SQL reads with getvariable(). Typed explicitly: a bare NULL would
// be bound as INTEGER and break coalesce() with text.
const VAR_TYPES = {
	file_id: 'integer',
	file_kind: 'varchar',
	default_year: 'integer',
	default_period_kind: 'varchar',
	default_period_no: 'integer',
	title_subject_kind: 'varchar',
	context_unit_id: 'integer',
	context_path: 'varchar',
	scope_path: 'varchar'
} as const;

async function setVars(db: Db, vars: { [K in keyof typeof VAR_TYPES]: unknown }): Promise<void> {
	for (const [k, v] of Object.entries(vars)) await db.run(`set variable ${k} = cast(${lit(v)} as ${VAR_TYPES[k as keyof typeof VAR_TYPES]})`);
}

/** The unit the title lines (or --unit) point at: the deepest one that resolves uniquely. */
async function contextUnit(db: Db, p: Prepared, opts: LoadOptions): Promise<{ id: number | null; path: string }> {
	let ctx: { id: number | null; path: string } = { id: null, path: opts.scopePath };
	if (opts.unit) {
		const u = await db.one<{ id: number; path: string }>(
			'select id, path from unit where upper(code) = upper($c) or name_key = unit_key($c) order by code = $c desc limit 1',
			{ c: opts.unit }
		);
		if (!u) throw new IngestError(p.src.fileName, `--unit "${opts.unit}": không có đơn vị này trong danh mục.`);
		ctx = { id: u.id, path: u.path };
	}
	for (const name of p.title.unitNames) {
		const hits = await db.query<{ id: number; path: string }>(
			`select id, path from unit where name_key = unit_key($n) and starts_with(path, $p)`,
			{ n: name, p: ctx.path }
		);
		if (hits.length === 1) ctx = { id: hits[0].id, path: hits[0].path };
	}
	return ctx;
}

/** GIAMSAT_TRACE=1 prints the time of each step (for the benchmark and profiling). */
function trace(step: string, t0: number) {
	if (process.env.GIAMSAT_TRACE) process.stderr.write(`  ${step}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
}

export class RefusedError extends Error {
	constructor(readonly errors: RowError[], readonly total: number) {
		super(`${total} dòng bị từ chối`);
	}
}

export interface LoadResult {
	fileId: number;
	rowsRead: number;
	rowsStored: number;
	touched: Array<{ year: number; period_kind: string; period_no: number }>;
	warnings: string[];
}

const MAX_ERRORS = 500;

/** Run the kind's steps inside the caller's transaction `t`. Throws RefusedError on bad rows. */
export async function loadPrepared(t: Db, p: Prepared, opts: LoadOptions): Promise<LoadResult> {
	const { src, header, title, kind } = p;
	const warnings: string[] = [];
	const file = await t.one<{ id: number }>(
		`insert into source_file (file_name, sha256, file_sha256, kind, encoding, header_row, row_count, period_year, title_unit, loaded_by)
		 values ($f, $s, $fs, $k, $e, $h, 0, $y, $u, $by) returning id`,
		{
			f: src.fileName,
			s: src.sha256,
			fs: src.fileSha256,
			k: kind,
			e: src.encoding,
			h: header.headerRows[0] + 1,
			y: opts.year ?? title.year ?? null,
			u: title.unitNames.join(' / ') || null,
			by: opts.loadedBy ?? 'cli'
		}
	);
	const fileId = file!.id;
	const STEP_VI: Record<string, string> = { normalise: 'chuẩn hóa', merge: 'ghi vào kho', supersede: 'thay danh sách cũ' };
	let t0 = performance.now();
	opts.onStep?.('đọc và làm sạch');
	const rowsRead = await stage(t, src, header);
	trace('stage', t0);
	const ctx = await contextUnit(t, p, opts);
	const period = title.period ?? { kind: 'year', no: 0 };
	await setVars(t, {
		file_id: fileId,
		file_kind: kind,
		default_year: opts.year ?? title.year,
		default_period_kind: period.kind,
		default_period_no: period.no,
		title_subject_kind: title.subjectKind,
		context_unit_id: ctx.id,
		context_path: ctx.path,
		scope_path: opts.scopePath
	});
	// Per-row period cells ("Quý III", "Nhiệm kỳ 2020–2025") are few distinct values: parsed here.
	await t.run('create or replace temp table period_map (raw varchar, kind varchar, no integer, year integer)');
	if (header.columns.some((c) => c.field === 'period')) {
		const raws = await t.query<{ raw: string }>('select distinct clean(period) as raw from stg where clean(period) is not null');
		for (const { raw } of raws) {
			const pp = parsePeriod(raw);
			if (pp) await t.run('insert into period_map values ($r, $k, $n, $y)', { r: raw, k: pp.kind, n: pp.no, y: pp.year ?? null });
		}
	}
	const steps = sqlSteps(KIND_SQL[kind]);
	const run = async (name: string) => {
		const sql = steps.get(name);
		if (sql && STEP_VI[name]) opts.onStep?.(STEP_VI[name]);
		const t0 = performance.now();
		if (sql) await t.run(sql).catch((e) => Promise.reject(new Error(`${KIND_SQL[kind]} step ${name}: ${e.message}`)));
		trace(name, t0);
	};
	await run('unit_refs');
	if (steps.has('unit_refs')) await t.run(sqlFile('ingest/resolve_units.sql'));
	t0 = performance.now();
	for (const sql of sqlSteps('ingest/dictionaries.sql').values()) await t.run(sql);
	trace('dictionaries', t0);
	await run('normalise');
	t0 = performance.now();
	opts.onStep?.('kiểm tra lỗi');
	const errs = await t
		.query<{ rn: number; field: string; value: string | null; message: string }>(steps.get('errors')!)
		.catch((e) => Promise.reject(new Error(`${KIND_SQL[kind]} step errors: ${e.message}`)));
	trace('errors', t0);
	if (errs.length) {
		const headerOf = new Map(header.columns.map((c) => [c.field, c.header]));
		const label = new Map(FIELDS.map((f) => [f.field, f.label]));
		throw new RefusedError(
			errs.slice(0, MAX_ERRORS).map((e) => ({
				file: src.fileName,
				row: e.rn,
				// a unit may be named by either column: report the one the file has
				column: headerOf.get(e.field) ?? (e.field === 'unit_name' ? headerOf.get('unit_code') : undefined) ?? label.get(e.field) ?? e.field,
				value: e.value ?? '',
				message: e.message
			})),
			errs.length
		);
	}
	if (steps.has('identity_in')) {
		opts.onStep?.('nhận diện người');
		await run('identity_in');
		const id = sqlSteps('ingest/identity.sql');
		for (const [name, s] of id) {
			t0 = performance.now();
			await t.run(s);
			trace(`identity.${name}`, t0);
		}
		const amb = await t.one<{ n: number }>(`select count(*)::int as n from ingest_issue where source_file_id = $f and severity = 'ambiguous'`, { f: fileId });
		if (amb?.n) warnings.push(`${amb.n} người chưa xác định chắc chắn (trùng họ tên, ngày sinh): đã ghi vào danh sách cần kiểm tra.`);
	}
	await run('merge');
	await run('supersede');
	await run('paths');
	const touched = steps.has('touched')
		? await t.query<{ year: number; period_kind: string; period_no: number }>(steps.get('touched')!)
		: [];
	if (kind === 'rating' && touched.some((x) => x.period_kind === 'quarter' && x.period_no === 4 && x.year >= 2025))
		warnings.push('Danh sách quý IV: theo Quy định 366-QĐ/TW quý IV không đánh giá riêng mà gộp vào đánh giá cả năm; đã nạp kèm cảnh báo.');
	for (const w of warnings) await t.run('insert into ingest_issue values ($f, null, $s, $m)', { f: fileId, s: 'warning', m: w });
	const stored = await t.one<{ n: number }>('select count(*)::int as n from norm');
	await t.run('update source_file set row_count = $n where id = $id', { n: stored?.n ?? 0, id: fileId });
	for (const tmp of process.env.KEEP_TMP ? [] : ['date_dict', 'level_dict', 'stg', 'norm', 'unit_ref', 'unit_hit', 'period_map', 'ident_in', 'ident_out', 'ident_new', 'unit_family', 'unit_paths'])
		await t.run(`drop table if exists ${tmp}`);
	return { fileId, rowsRead, rowsStored: stored?.n ?? 0, touched, warnings };
}
