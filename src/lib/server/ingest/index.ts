// The ingest entry point the CLI, the web upload and the tests call: files in any order, loaded
// registry → rosters → ratings → civil-servant lists → discipline, each file in one transaction.
import type { FileKind } from '../../domain/levels';
import { type Db, scopePath } from '../db';
import { IngestError, type RowError } from './errors';
import { loadPrepared, prepare, RefusedError, type Prepared } from './load';
import { readSource } from './read';
import { auditPeriods } from '../rules/runner';

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
	if (e instanceof RefusedError) return { ...base, errors: e.errors, errorCount: e.total, message: `${e.total} dòng bị từ chối; tệp không được nạp.` };
	if (e instanceof IngestError) return { ...base, errors: [], errorCount: 0, message: e.message };
	return { ...base, errors: [], errorCount: 0, message: `Lỗi không mong đợi khi nạp: ${(e as Error)?.message ?? e}` };
}

class DryRun extends Error {}

export async function ingestFiles(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
	const reports: FileReport[] = [];
	const prepared: Array<{ path: string; p: Prepared; started: number }> = [];
	const scope = opts.scope ?? null;
	const sp = await scopePath(db, scope);
	const total = paths.length;
	// Pass 1: read and classify every file, so that the registry goes in first whatever the order.
	for (const [i, path] of paths.entries()) {
		const started = performance.now();
		opts.onProgress?.({ file: path, index: i, total, step: 'đọc tệp' });
		try {
			const src = await readSource(path);
			const dup = await db.one<{ file_name: string; loaded_at: string }>(
				'select file_name, cast(loaded_at as varchar) as loaded_at from source_file where sha256 = $s',
				{ s: src.sha256 }
			);
			if (dup) {
				reports.push({
					path, kind: null, status: 'unchanged', rowsRead: 0, rowsStored: 0, errors: [], errorCount: 0, warnings: [],
					message: `Tệp giống hệt "${dup.file_name}" đã nạp lúc ${dup.loaded_at.slice(0, 16)}: không thay đổi gì.`,
					seconds: (performance.now() - started) / 1000
				});
				continue;
			}
			prepared.push({ path, p: prepare(src, opts), started });
		} catch (e) {
			reports.push(refusedReport(path, null, e, started));
		}
	}
	prepared.sort((a, b) => ORDER.indexOf(a.p.kind) - ORDER.indexOf(b.p.kind));
	const touched = new Map<string, IngestReport['touched'][number]>();
	const seen = new Set<string>();
	for (const [i, { path, p, started }] of prepared.entries()) {
		opts.onProgress?.({ file: path, index: i, total: prepared.length, step: 'nạp' });
		// Two identical files in one batch: the second is unchanged.
		if (seen.has(p.src.sha256)) {
			reports.push({ path, kind: p.kind, status: 'unchanged', rowsRead: 0, rowsStored: 0, errors: [], errorCount: 0, warnings: [], message: 'Tệp giống hệt một tệp khác trong cùng lần nạp.', seconds: 0 });
			continue;
		}
		seen.add(p.src.sha256);
		try {
			let result: Awaited<ReturnType<typeof loadPrepared>> | null = null;
			await db
				.tx(async (t) => {
					result = await loadPrepared(t, p, { year: opts.year, unit: opts.unit, kind: opts.kind, scopePath: sp, loadedBy: opts.loadedBy });
					if (opts.dryRun) throw new DryRun();
				})
				.catch((e) => {
					if (!(e instanceof DryRun)) throw e;
				});
			const r = result!;
			if (!opts.dryRun) for (const x of r.touched) touched.set(`${x.year}|${x.period_kind}|${x.period_no}`, x);
			reports.push({
				path, kind: p.kind, status: opts.dryRun ? 'checked' : 'loaded', rowsRead: r.rowsRead, rowsStored: r.rowsStored,
				errors: [], errorCount: 0, warnings: r.warnings, seconds: (performance.now() - started) / 1000
			});
		} catch (e) {
			reports.push(refusedReport(path, p.kind, e, started));
		}
	}
	const t0 = performance.now();
	const list = [...touched.values()].sort((a, b) => a.year - b.year || a.period_no - b.period_no);
	const auditRuns = opts.audit !== false && list.length ? await auditPeriods(db, list, scope) : [];
	return { files: reports, touched: list, auditRuns, auditSeconds: (performance.now() - t0) / 1000 };
}
