// The ingest entry point the CLI, the web upload and the tests call: files in any order, loaded
// registry → rosters → ratings → civil-servant lists → discipline, each file in one transaction.
import type { FileKind } from '../../domain/levels';
import { type Db, scopePath } from '../db';
import { IngestError, type RowError } from './errors';
import { loadPrepared, prepare, RefusedError, type LoadResult, type Prepared } from './load';
import { readSource } from './read';
import { auditPeriods } from '../rules/runner';
import { refreshMarts } from '../rules/marts';

export interface IngestOptions {
	year?: number;
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
	auditSeconds: number;
}

const ORDER: FileKind[] = ['registry', 'roster', 'rating', 'civil_servant', 'discipline'];

function refusedReport(path: string, kind: FileKind | null, e: unknown, started: number): FileReport {
	const base = { path, kind, status: 'refused' as const, rowsRead: 0, rowsStored: 0, warnings: [], seconds: (performance.now() - started) / 1000 };
	if (e instanceof RefusedError) return { ...base, errors: e.errors, errorCount: e.total, message: `${e.total.toLocaleString('vi-VN')} dòng bị từ chối; tệp không được nạp.` };
	if (e instanceof IngestError) return { ...base, errors: [], errorCount: 0, message: e.message };
	return { ...base, errors: [], errorCount: 0, message: `Lỗi không mong đợi khi nạp: ${(e as Error)?.message ?? e}` };
}

class DryRun extends Error {}

interface Entry {
	path: string;
	parts: Prepared[];
	/** sheets skipped because no header was recognised in them */
	skipped: string[];
	started: number;
	sha256: string;
}

/** Read and classify one file: its data sheets (one part for a CSV); sheets without a recognised
 * header are skipped when another sheet has one, and the file is refused when none has. */
async function classify(path: string, opts: IngestOptions): Promise<Omit<Entry, 'started'>> {
	const tables = await readSource(path);
	const parts: Prepared[] = [];
	const skipped: string[] = [];
	let firstError: unknown = null;
	for (const t of tables) {
		try {
			parts.push(prepare(t, opts));
		} catch (e) {
			firstError ??= e;
			skipped.push(t.sheet ?? t.fileName);
		}
	}
	if (!parts.length) throw firstError;
	parts.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
	return { path, parts, skipped, sha256: tables[0].fileSha256 };
}

export async function ingestFiles(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
	const reports: FileReport[] = [];
	const entries: Entry[] = [];
	const scope = opts.scope ?? null;
	const sp = await scopePath(db, scope);
	const total = paths.length;
	const seconds = (t0: number) => (performance.now() - t0) / 1000;
	// Pass 1: read and classify every file, so that the registry goes in first whatever the order.
	for (const [i, path] of paths.entries()) {
		const started = performance.now();
		opts.onProgress?.({ file: path, index: i, total, step: 'đọc tệp' });
		try {
			const entry = await classify(path, opts);
			const dup = await db.one<{ file_name: string; loaded_at: string }>(
				'select file_name, strftime(loaded_at, \'%d/%m/%Y %H:%M\') as loaded_at from source_file where file_sha256 = $s limit 1',
				{ s: entry.sha256 }
			);
			const dupInBatch = entries.some((e) => e.sha256 === entry.sha256);
			if (dup || dupInBatch) {
				reports.push({
					path, kind: entry.parts[0].kind, status: 'unchanged', rowsRead: 0, rowsStored: 0, errors: [], errorCount: 0, warnings: [],
					message: dup
						? `Tệp giống hệt "${dup.file_name}" đã nạp lúc ${dup.loaded_at}: không thay đổi gì.`
						: 'Tệp giống hệt một tệp khác trong cùng lần nạp: không thay đổi gì.',
					seconds: seconds(started)
				});
				continue;
			}
			entries.push({ ...entry, started });
		} catch (e) {
			reports.push(refusedReport(path, null, e, started));
		}
	}
	entries.sort((a, b) => ORDER.indexOf(a.parts[0].kind) - ORDER.indexOf(b.parts[0].kind));
	const touched = new Map<string, IngestReport['touched'][number]>();
	for (const [i, entry] of entries.entries()) {
		opts.onProgress?.({ file: entry.path, index: i, total: entries.length, step: 'nạp' });
		const kind = entry.parts[0].kind;
		try {
			// Every sheet of a workbook in one transaction: one refused row refuses the file.
			const results: LoadResult[] = [];
			await db
				.tx(async (t) => {
					const errors: RowError[] = [];
					let errorCount = 0;
					for (const p of entry.parts) {
						try {
							const onStep = (step: string) => opts.onProgress?.({ file: entry.path, index: i, total: entries.length, step });
							results.push(await loadPrepared(t, p, { year: opts.year, unit: opts.unit, kind: opts.kind, scopePath: sp, loadedBy: opts.loadedBy, onStep }));
						} catch (e) {
							if (!(e instanceof RefusedError)) throw e;
							errors.push(...e.errors);
							errorCount += e.total;
						}
					}
					if (errorCount) throw new RefusedError(errors, errorCount);
					if (opts.dryRun) throw new DryRun();
				})
				.catch((e) => {
					if (!(e instanceof DryRun)) throw e;
				});
			if (!opts.dryRun) for (const r of results) for (const x of r.touched) touched.set(`${x.year}|${x.period_kind}|${x.period_no}`, x);
			const warnings = results.flatMap((r) => r.warnings);
			if (entry.skipped.length) warnings.push(`Bỏ qua trang tính không nhận ra tiêu đề cột: ${entry.skipped.join(', ')}.`);
			reports.push({
				path: entry.path, kind, status: opts.dryRun ? 'checked' : 'loaded',
				rowsRead: results.reduce((s, r) => s + r.rowsRead, 0), rowsStored: results.reduce((s, r) => s + r.rowsStored, 0),
				errors: [], errorCount: 0, warnings, seconds: seconds(entry.started)
			});
		} catch (e) {
			reports.push(refusedReport(entry.path, kind, e, entry.started));
		}
	}
	const t0 = performance.now();
	const list = [...touched.values()].sort((a, b) => a.year - b.year || a.period_no - b.period_no);
	const auditRuns = opts.audit !== false && list.length ? await auditPeriods(db, list, scope) : [];
	if (auditRuns.length) await refreshMarts(db);
	return { files: reports, touched: list, auditRuns, auditSeconds: seconds(t0) };
}
