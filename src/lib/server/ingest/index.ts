// The ingest entry point the CLI, the web upload and the tests call: files in any order, loaded
// registry → rosters → ratings → civil-servant lists → discipline, each file in one transaction.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { FileKind, PeriodKind } from '../../domain/levels';
import { type Db, scopePath } from '../db';
import { IngestError, RefusedError, type RowError } from './errors';
import { holdsLevelCounts, prepareBatch, prepareParts, stashBatch, writeBatch, type PartResult, type Prepared, type ReadyBatch } from './load';
import { trace } from '../trace';
import { fold } from '../../domain/anomaly';
import { readSource, type SourceTable } from './read';
import { auditPeriods, refreshUnitOrigin } from '../rules/runner';
import { forgetUnitHistory } from '../queries/scope';
import { refreshMarts } from '../rules/marts';
import { SIGNAL_SETTINGS } from '../rules/signals';

export interface IngestOptions {
	year?: number;
	/** the period of every list loaded (--period: "Quý III", "Q3", "Nhiệm kỳ 2020–2025", "năm") */
	period?: { kind: PeriodKind; no: number; year?: number };
	unit?: string;
	kind?: FileKind;
	dryRun?: boolean;
	/** run the audit for the periods the load touched (default true) */
	audit?: boolean;
	/** the caller's scope: a unit code, null for the whole country */
	scope?: string | null;
	loadedBy?: string;
	onProgress?: (e: { file: string; index: number; total: number; step: string }) => void;
}

export interface FileReport {
	path: string;
	kind: FileKind | null;
	status: 'loaded' | 'unchanged' | 'refused' | 'checked';
	rowsRead: number;
	rowsStored: number;
	errors: RowError[];
	/** refused rows in all (errors lists the first few hundred) */
	errorCount: number;
	warnings: string[];
	message?: string;
	seconds: number;
}

export interface IngestReport {
	files: FileReport[];
	touched: Array<{ year: number; period_kind: string; period_no: number }>;
	auditRuns: number[];
	/** the periods audited after the load: those touched, and later years whose signals read them */
	audited?: IngestReport['touched'];
	auditSeconds: number;
	/** why the audit after a committed load failed: the files above are loaded all the same */
	auditError?: string;
}

/** The audit of the periods a load touched, run after its commit: a failure there is reported
 * beside the files (which are loaded), never thrown past them. A changed yearly list changes the
 * signals of the years after it that look back on it (identical_years), which are run again too
 * where they have lists. */
async function auditAfterLoad(db: Db, list: IngestReport['touched'], scope: string | null, opts: IngestOptions): Promise<Pick<IngestReport, 'auditRuns' | 'audited' | 'auditError'>> {
	if (opts.audit === false || !list.length) return { auditRuns: [] };
	try {
		const years = list.filter((p) => p.period_kind === 'year').map((p) => p.year);
		const later = years.flatMap((y) => Array.from({ length: SIGNAL_SETTINGS.sig_identical_years - 1 }, (_, i) => y + i + 1));
		const ahead = later.length
			? await db.query<{ year: number }>(`select distinct period_year as year from rating where period_kind = 'year' and period_year in (${later.join(', ')}) order by 1`)
			: [];
		const extra = ahead.filter((a) => !years.includes(a.year)).map((a) => ({ year: a.year, period_kind: 'year', period_no: 0 }));
		const audited = [...list, ...extra];
		const auditRuns = await auditPeriods(db, audited, { scope });
		if (auditRuns.length) await refreshMarts(db);
		return { auditRuns, audited };
	} catch (e) {
		return { auditRuns: [], auditError: (e as Error)?.message ?? String(e) };
	}
}

const ORDER: FileKind[] = ['registry', 'roster', 'rating', 'civil_servant', 'discipline'];

function refusedReport(path: string, kind: FileKind | null, e: unknown, started: number): FileReport {
	const base = { path, kind, status: 'refused' as const, rowsRead: 0, rowsStored: 0, warnings: [], seconds: (performance.now() - started) / 1000 };
	if (e instanceof RefusedError) return { ...base, errors: e.errors, errorCount: e.total, message: `${e.total.toLocaleString('vi-VN')} dòng bị từ chối; tệp không được nạp.` };
	if (e instanceof IngestError) return { ...base, errors: [], errorCount: 0, message: e.message };
	return { ...base, errors: [], errorCount: 0, message: `Lỗi không mong đợi khi nạp: ${(e as Error)?.message ?? e}` };
}

class DryRun extends Error {}
class Retry extends Error {}

/** Kinds loaded together, in order. */
const BATCHES: FileKind[][] = [['registry'], ['roster'], ['rating', 'civil_servant'], ['discipline']];

interface Entry {
	path: string;
	parts: Prepared[];
	/** the sheets skipped (no header recognised, hidden, summary), as warnings */
	notes: string[];
	started: number;
	sha256: string;
}

/** A workbook's summary sheet ("Tổng hợp": counts per unit and level) has headers like a list's
 * ("Chi bộ", "Số được xếp loại") but no person or decision in it; its name or title says so, or
 * its level columns hold counts (holdsLevelCounts). */
const sheetSummaryNamed = (t: SourceTable) => /^(tong hop|thong ke|bieu tong hop|bao cao tong hop)/.test(fold(t.sheet ?? ''));
const summaryNamed = (t: SourceTable, lines: string[]) => sheetSummaryNamed(t) || lines.some((l) => /(tong hop|thong ke) (ket qua|so lieu)/.test(fold(l)));

function isSummary(p: Prepared, t: SourceTable): boolean {
	// A sheet naming each person is a list, whatever its title ("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI
	// ĐẢNG VIÊN" heads many a chi bộ's list) or a column "Tổng số ngày nghỉ ốm" says; its sheet name
	// ("Tổng hợp": the đảng bộ's whole list beside its chi bộ's sheets) sets it aside, and counts under
	// the level names (a summary naming each chi bộ's secretary).
	if (p.header.columns.some((c) => c.field === 'full_name')) return sheetSummaryNamed(t) || holdsLevelCounts(t.preview, true);
	const cells = p.header.headerRows.flatMap((r) => p.src.preview[r] ?? []).map((c) => fold(c ?? ''));
	return summaryNamed(t, p.title.lines) || cells.some((c) => /^(tong so|so luong|ty le|so duoc)/.test(c)) || holdsLevelCounts(t.preview);
}

/** A sheet holding a table (rows of three cells or more), not a note or a short lookup list: when
 * it cannot be read, its rows would be lost unseen. */
const holdsTable = (t: SourceTable) => (t.rows ?? t.preview).filter((r) => r.filter((c) => c?.trim()).length >= 3).length >= 3;

/** Read and classify one file: its data sheets (one part for a CSV). Hidden sheets (dropdown
 * values) and summary sheets are skipped with a note when another sheet loads, as are sheets that
 * hold no table; a visible sheet holding a table that cannot be read refuses the file, as a file of
 * that one sheet would be (its chi bộ's ratings would be lost while the others load). */
async function classify(path: string, opts: IngestOptions): Promise<Omit<Entry, 'started'>> {
	const tables = await readSource(path);
	const parts: Prepared[] = [];
	const skipped: string[] = [];
	const aside: Array<{ name: string; part: Prepared | null; why: string }> = [];
	let firstError: unknown = null;
	// a sheet copied whole ("DS" and "DS (2)", as Excel names a copy): one list, read once; two
	// versions of it would each replace the other
	const sheetOf = new Map<string, string>();
	const copies: string[] = [];
	for (const t of tables) {
		const name = t.sheet ?? t.fileName;
		if (tables.length > 1 && t.rows) {
			const digest = createHash('sha256').update(JSON.stringify(t.rows)).digest('hex');
			const first = sheetOf.get(digest);
			if (first !== undefined) {
				copies.push(`Bỏ qua trang tính "${name}": trùng hoàn toàn với trang tính "${first}".`);
				continue;
			}
			sheetOf.set(digest, name);
		}
		let prepared: Prepared[];
		try {
			prepared = prepareParts(t, opts);
		} catch (e) {
			if (tables.length === 1) throw e;
			if (t.hidden) aside.push({ name, part: null, why: 'ẩn' });
			else if (summaryNamed(t, t.preview.slice(0, 5).flat()) || holdsLevelCounts(t.preview)) aside.push({ name, part: null, why: 'tổng hợp' });
			else if (e instanceof IngestError && holdsTable(t))
				throw new IngestError(t.fileName, `Trang tính "${name}" có dữ liệu nhưng không đọc được nên cả tệp không được nạp: ${e.message.slice(e.file.length + 2)} Sửa trang tính này (hoặc xóa nó nếu không phải danh sách) rồi gửi lại.`);
			else if (e instanceof IngestError) {
				firstError ??= e;
				skipped.push(name);
			} else throw e;
			continue;
		}
		for (const p of prepared) {
			if (tables.length > 1 && t.hidden) aside.push({ name, part: p, why: 'ẩn' });
			else if (tables.length > 1 && isSummary(p, t)) aside.push({ name, part: p, why: 'tổng hợp' });
			else parts.push(p);
		}
	}
	// last year's sheet left in this year's workbook ("Thôn 1 (2021)" beside the 2022 sheets, the
	// workbook reused): an old list, not this one; loaded, it would replace the list of that year on
	// file. Set aside, said; a list of another year goes in a file of its own (or --year says). Only
	// where this year's sheets are most of the workbook's: a chi bộ's history, a sheet a year
	// ("2022", "2023", "2024"), is loaded whole.
	if (tables.length > 1 && opts.year === undefined) {
		const dated = parts.filter((p) => p.kind !== 'registry' && p.title.year !== null);
		const latest = Math.max(...dated.map((p) => p.title.year!));
		const current = dated.filter((p) => p.title.year === latest).length;
		for (const p of current * 2 > dated.length ? dated.filter((p) => p.title.year! < latest) : []) {
			parts.splice(parts.indexOf(p), 1);
			aside.push({ name: p.src.sheet ?? p.src.fileName, part: p, why: `của năm ${p.title.year} (tệp có danh sách năm ${latest}; danh sách năm cũ gửi tệp riêng)` });
		}
	}
	// a workbook whose lists are all in hidden sheets, or in a "Tổng hợp" sheet naming each person
	// (the đảng bộ's whole list): they are all it has
	const perPerson = (p: Prepared) => p.header.columns.some((c) => c.field === 'full_name');
	if (!parts.length) parts.push(...aside.flatMap((a) => (a.part && (a.why === 'ẩn' || perPerson(a.part)) ? [a.part] : [])));
	if (!parts.length && aside.some((a) => a.why === 'tổng hợp'))
		throw new IngestError(
			tables[0].fileName.replace(/ \[[^\]]*\]$/, ''),
			`Tệp chỉ có trang tổng hợp số lượng (${aside.filter((a) => a.why === 'tổng hợp').map((a) => a.name).join(', ')}), không có danh sách từng đảng viên: gửi danh sách xếp loại có họ tên từng người (mỗi chi bộ một trang tính hoặc có cột Chi bộ).`
		);
	if (!parts.length) throw firstError ?? new IngestError(tables[0].fileName.replace(/ \[[^\]]*\]$/, ''), 'Tệp không có trang tính nào đọc được (các bảng đều ở trang tính ẩn).');
	parts.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
	const loaded = new Set(parts);
	// rows hidden in Excel under a list's header: read as any row (hiding is not deleting), and said
	const hidden = parts.flatMap((p) => {
		const rows = (p.src.hiddenRows ?? []).filter((r) => r > p.header.dataStart);
		const where = tables.length > 1 ? `Trang tính "${p.src.sheet}": ` : '';
		return rows.length ? [`${where}dòng ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` và ${rows.length - 10} dòng khác` : ''} bị ẩn trong Excel nhưng vẫn được nạp (ẩn dòng không phải là xóa): kiểm tra lại nếu các dòng ấy không thuộc danh sách.`] : [];
	});
	const notes = [
		...copies,
		...new Set(hidden),
		...(skipped.length ? [`Bỏ qua trang tính không có bảng dữ liệu: ${skipped.join(', ')}.`] : []),
		...aside.filter((a) => !a.part || !loaded.has(a.part)).map((a) => `Bỏ qua trang tính ${a.why}: ${a.name}.`)
	];
	return { path, parts, notes, sha256: tables[0].fileSha256 };
}

/** A file name a copy gets: "X - Copy.xlsx", "X - Copy (2).xlsx", "X - Bản sao.xlsx" (Windows), "X (1).xlsx"
 * (a browser's second download), "X copy 2.xlsx" (macOS). */
function isCopyName(path: string): boolean {
	return /( - (copy|ban sao)( \(\d+\))?| \(\d{1,2}\)| copy( \d+)?)$/.test(fold(basename(path)).replace(/\.[a-z0-9]+$/, ''));
}

export async function ingestFiles(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
	const reports: FileReport[] = [];
	const entries: Entry[] = [];
	const scope = opts.scope ?? null;
	const sp = await scopePath(db, scope);
	const total = paths.length;
	const seconds = (t0: number) => (performance.now() - t0) / 1000;
	// Pass 1: read and classify every file, so that the registry goes in first whatever the order.
	// Files already loaded (same bytes) are known from one query, not one per file.
	const loaded = new Map(
		(await db.query<{ sha: string; file_name: string; loaded_at: string }>(
			`select file_sha256 as sha, any_value(file_name) as file_name, strftime(min(loaded_at), '%d/%m/%Y %H:%M') as loaded_at from source_file group by 1`
		)).map((r) => [r.sha, r])
	);
	// (each file's first path in this load: a copy names it, the clerk sees which two are one)
	const inBatch = new Map<string, string>();
	const tRead = performance.now();
	for (const [i, path] of paths.entries()) {
		const started = performance.now();
		opts.onProgress?.({ file: path, index: i, total, step: 'đọc tệp' });
		try {
			const entry = await classify(path, opts);
			const dup = loaded.get(entry.sha256);
			let twin = inBatch.get(entry.sha256);
			if (dup || twin !== undefined) {
				let copy = path;
				// of a file and its copy ("… - Copy.xlsx" sorts first), the original is the one stored:
				// findings and orders cite it
				if (twin !== undefined && isCopyName(twin) && !isCopyName(path)) {
					const at = entries.findIndex((e) => e.path === twin);
					entries[at] = { ...entry, started };
					inBatch.set(entry.sha256, path);
					[copy, twin] = [twin, path];
				}
				reports.push({
					path: copy, kind: entry.parts[0].kind, status: 'unchanged', rowsRead: 0, rowsStored: 0, errors: [], errorCount: 0, warnings: [],
					message: dup
						? `Tệp giống hệt "${dup.file_name}" đã nạp lúc ${dup.loaded_at}: không thay đổi gì.`
						: `Tệp giống hệt "${basename(twin!)}" trong cùng lần nạp: chỉ xét một lần (kết quả ở tệp ấy), không thay đổi gì.`,
					seconds: seconds(started)
				});
				continue;
			}
			inBatch.set(entry.sha256, path);
			entries.push({ ...entry, started });
		} catch (e) {
			reports.push(refusedReport(path, null, e, started));
		}
	}
	trace(`read ${paths.length} files`, tRead);
	// A registry written earlier in the same transaction makes DuckDB plan the identity steps badly
	// (a national registry: an hour instead of seconds), so files that are only a registry are
	// committed first, in a transaction of their own; the lists then resolve against it. A workbook
	// with a registry sheet beside lists stays whole in the main transaction.
	const registryOnly = entries.filter((e) => e.parts.every((p) => p.kind === 'registry'));
	if (!opts.dryRun && registryOnly.length && registryOnly.length < entries.length) {
		const first = await ingestFiles(db, registryOnly.map((e) => e.path), { ...opts, audit: false });
		reports.push(...first.files);
		entries.splice(0, entries.length, ...entries.filter((e) => !registryOnly.includes(e)));
	}
	// Pass 2: one transaction for the batch, kind by kind (the registry first: the others resolve
	// their units against it). A file with a refused row stores nothing; the others go in.
	// Each batch is first prepared (read, units resolved, normalised, checked: temp tables only),
	// then written. The batches are prepared before the transaction begins, where they can be:
	// DuckDB plans the writes with the real sizes of tables made before it (made inside, they count
	// 0 rows) and makes them at twice the speed. Lists beside a registry sheet (a workbook of both)
	// resolve against it, so then each batch is prepared in the transaction, after the one before;
	// a workbook refused in a later kind after a sheet of it went in with an earlier kind then runs
	// the transaction again without it.
	const touched = new Map<string, IngestReport['touched'][number]>();
	const refusedFiles = new Map<number, { errors: RowError[]; errorCount: number; message?: string }>();
	let results = new Map<Prepared, PartResult>();
	const t1 = performance.now();
	// the parts of each batch, of the files not refused (in an earlier attempt)
	const batchesNow = () =>
		BATCHES.map((kinds) => entries.flatMap((e, fi) => (refusedFiles.has(fi) ? [] : e.parts.filter((p) => kinds.includes(p.kind)).map((p) => ({ fi, p }))))).filter((b) => b.length);
	const kindsLoaded = new Set(entries.flatMap((e) => e.parts.map((p) => BATCHES.findIndex((b) => b.includes(p.kind)))));
	// (prepared ahead unless a registry sheet comes with lists of another kind, which must see it)
	const withRegistry = entries.some((e) => e.parts.some((p) => p.kind === 'registry'));
	const ahead = kindsLoaded.size === 1 || !withRegistry;
	const loadOpts = (bi: number, items: Array<{ fi: number }>) => ({
		year: opts.year, unit: opts.unit, kind: opts.kind, scopePath: sp, loadedBy: opts.loadedBy,
		onStep: (step: string) => opts.onProgress?.({ file: items.length === 1 ? entries[items[0].fi].path : `${items.length} tệp`, index: bi, total: kindsLoaded.size, step })
	});
	const noteRefused = (items: Array<{ fi: number; p: Prepared }>, rb: ReadyBatch) =>
		items.forEach((x, i) => {
			const pr = rb.results[i];
			results.set(x.p, pr);
			if (!pr.errorCount) return;
			const prev = refusedFiles.get(x.fi) ?? { errors: [], errorCount: 0 };
			refusedFiles.set(x.fi, { errors: [...prev.errors, ...pr.errors], errorCount: prev.errorCount + pr.errorCount });
		});
	// A file with a header and no data row (a blank template, a list of only its footer) is
	// refused, not loaded empty; an empty sheet beside sheets with rows is only noted.
	const noteEmpty = () => {
		for (const [fi, e] of entries.entries()) {
			if (refusedFiles.has(fi) || !e.parts.every((p) => results.has(p))) continue;
			if (e.parts.some((p) => results.get(p)!.rowsRead > 0)) continue;
			const p = e.parts[0];
			refusedFiles.set(fi, { errors: [], errorCount: 0, message: `Không có dòng dữ liệu nào dưới dòng tiêu đề cột (dòng ${p.header.headerRows[p.header.headerRows.length - 1] + 1}): tệp không được nạp.` });
		}
	};
	for (let attempt = 0; ; attempt++) {
		results = new Map();
		touched.clear();
		const ready: ReadyBatch[] = [];
		const batches = batchesNow();
		try {
			// (the batches' temp tables go with the session's connection)
			await db.session(async (s) => {
				if (ahead) {
					for (const [bi, items] of batches.entries()) {
						const rb = await prepareBatch(s, items.map((x) => x.p), loadOpts(bi, items), items.map((x) => x.fi));
						ready.push(rb);
						noteRefused(items, rb);
						await stashBatch(s, rb, `__b${bi}`);
					}
					noteEmpty();
				}
				await s.inTransaction(async () => {
					const merged = new Set<number>();
					let retry = false;
					for (const [bi, items] of batches.entries()) {
						let rb = ready[bi];
						if (!ahead) {
							rb = await prepareBatch(s, items.map((x) => x.p), loadOpts(bi, items), items.map((x) => x.fi));
							noteRefused(items, rb);
							if (items.some((x) => refusedFiles.has(x.fi) && merged.has(x.fi))) retry = true;
						}
						const r = await writeBatch(s, rb, loadOpts(bi, items), new Set(refusedFiles.keys()));
						for (const x of r.touched) touched.set(`${x.year}|${x.period_kind}|${x.period_no}`, x);
						for (const x of items) if (!refusedFiles.has(x.fi)) merged.add(x.fi);
					}
					if (!ahead) {
						const before = new Set(refusedFiles.keys());
						noteEmpty();
						if ([...refusedFiles.keys()].some((fi) => !before.has(fi) && merged.has(fi))) retry = true;
					}
					if (retry) throw new Retry();
					if (opts.dryRun) throw new DryRun();
					// the merged units' predecessors, derived from the registry just loaded
					if ([...results.keys()].some((p) => p.kind === 'registry')) await refreshUnitOrigin(s);
				});
			});
			// the units' histories the pages keep follow the registry just committed
			if (withRegistry) forgetUnitHistory(db);
		} catch (e) {
			if (e instanceof Retry && attempt < 3) continue;
			if (!(e instanceof DryRun)) {
				// Something no validation foresaw broke the batch: load the files one by one, so that
				// one pathological file does not hold back a whole round.
				if (entries.length > 1) {
					if (process.env.GIAMSAT_TRACE) process.stderr.write(`  batch failed, file by file: ${e instanceof Error ? e.message : e}\n`);
					const one = { ...opts, audit: false, onProgress: undefined };
					const each: IngestReport[] = [];
					for (const entry of entries) each.push(await ingestFiles(db, [entry.path], one));
					const merged = each.flatMap((r) => r.files);
					const list = [...new Map(each.flatMap((r) => r.touched).map((x) => [`${x.year}|${x.period_kind}|${x.period_no}`, x])).values()];
					const t2 = performance.now();
					const audit = await auditAfterLoad(db, list, scope, opts);
					return { files: [...reports, ...merged], touched: list, ...audit, auditSeconds: seconds(t2) };
				}
				for (const entry of entries) reports.push(refusedReport(entry.path, entry.parts[0].kind, e, entry.started));
				return { files: reports, touched: [], auditRuns: [], auditSeconds: 0 };
			}
		}
		break;
	}
	for (const [fi, entry] of entries.entries()) {
		const kind = entry.parts[0].kind;
		const bad = refusedFiles.get(fi);
		const rs = entry.parts.map((p) => results.get(p)!).filter(Boolean);
		const rowsRead = rs.reduce((s, r) => s + r.rowsRead, 0);
		if (bad) {
			const why = bad.message ? new IngestError(entry.parts[0].src.fileName, bad.message) : new RefusedError(bad.errors, bad.errorCount);
			reports.push({ ...refusedReport(entry.path, kind, why, entry.started), rowsRead });
			continue;
		}
		const warnings = rs.flatMap((r) => r.warnings);
		if (entry.parts.length > 1)
			for (const p of entry.parts) if (!results.get(p)?.rowsRead) warnings.push(`Trang tính "${p.src.sheet ?? p.src.fileName}" không có dòng dữ liệu nào: bỏ qua.`);
		warnings.push(...entry.notes);
		reports.push({
			path: entry.path, kind, status: opts.dryRun ? 'checked' : 'loaded',
			rowsRead, rowsStored: rs.reduce((s, r) => s + r.rowsStored, 0),
			errors: [], errorCount: 0, warnings,
			// a batch is loaded together: each file's share of its time is not measured apart
			seconds: (performance.now() - t1) / 1000 / entries.length
		});
	}
	if (opts.dryRun) touched.clear();
	const t0 = performance.now();
	const list = [...touched.values()].sort((a, b) => a.year - b.year || a.period_no - b.period_no);
	const audit = await auditAfterLoad(db, list, scope, opts);
	return { files: reports, touched: list, ...audit, auditSeconds: seconds(t0) };
}
