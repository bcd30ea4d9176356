// The web upload (/nap-du-lieu): validates the form, saves the files to a private temp dir under
// their own names (the report and source_file cite them), calls ingestFiles with the caller's scope,
// which audits the periods the load touched after its commit (and refreshes the dashboard marts),
// reporting an audit error beside the load report, never instead of it. Same code path as the CLI.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FILE_KINDS, type FileKind } from '$lib/domain/levels';
import type { Db } from '../db';
import { ingestFiles, type FileReport } from '../ingest';
import type { RowError } from '../ingest/errors';

export const ACCEPTED = ['.csv', '.xlsx', '.xls', '.txt'];

export interface UploadInput {
	files: File[];
	year: number | null;
	unit: string | null;
	kind: FileKind | null;
}

/** A refused row's problem, once for every row that has it (same column, value and reason). */
export type UploadError = RowError & { rows: number[] };

export interface UploadReport {
	files: Array<Omit<FileReport, 'path' | 'errors'> & { name: string; size: number; errors: UploadError[] }>;
	touched: Array<{ year: number; period_kind: string; period_no: number }>;
	auditRuns: number[];
	auditError: string | null;
	seconds: number;
}

/** Reads the form; a Vietnamese message when nothing usable was sent. */
export function parseUploadForm(form: FormData): { input?: UploadInput; error?: string; values: Record<string, string> } {
	const values = {
		year: String(form.get('year') ?? '').trim(),
		unit: String(form.get('unit') ?? '').trim(),
		kind: String(form.get('kind') ?? '').trim()
	};
	const all = form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
	// a nameless empty part is the picker left empty; an empty file with a name goes on, to be refused by name
	const files = all.filter((f) => f.name);
	if (!files.length) return { values, error: 'Chưa chọn tệp nào. Hãy chọn một hoặc nhiều tệp CSV, XLSX.' };
	const wrong = files.filter((f) => !ACCEPTED.some((ext) => f.name.toLowerCase().endsWith(ext)));
	if (wrong.length === files.length)
		return { values, error: `Không có tệp nào đúng định dạng (${ACCEPTED.join(', ')}): ${wrong.map((f) => f.name).join(', ')}.` };
	let year: number | null = null;
	if (values.year) {
		year = Number(values.year);
		if (!Number.isInteger(year) || year < 1990 || year > 2100) return { values, error: `Năm "${values.year}" không hợp lệ (nhập 4 chữ số, ví dụ 2024).` };
	}
	if (values.kind && !(values.kind in FILE_KINDS)) return { values, error: `Loại tệp "${values.kind}" không hợp lệ.` };
	return { values, input: { files, year, unit: values.unit || null, kind: (values.kind || null) as FileKind | null } };
}

export async function runUpload(db: Db, input: UploadInput, scope: string | null, loadedBy = 'web'): Promise<UploadReport> {
	const t0 = performance.now();
	const dir = await mkdtemp(join(tmpdir(), 'giamsat-upload-'));
	try {
		const saved: Array<{ path: string; size: number }> = [];
		for (const [i, f] of input.files.entries()) {
			// each file in a folder of its own: two files of the same name never overwrite each other
			const sub = join(dir, String(i));
			await mkdir(sub);
			const path = join(sub, basename(f.name.replaceAll('\\', '/')) || `tep-${i + 1}`);
			await writeFile(path, Buffer.from(await f.arrayBuffer()));
			saved.push({ path, size: f.size });
		}
		// the audit of the periods touched runs after the commit; its failure is reported, not thrown
		const report = await ingestFiles(
			db,
			saved.map((s) => s.path),
			{ year: input.year ?? undefined, unit: input.unit ?? undefined, kind: input.kind ?? undefined, scope, loadedBy }
		);
		const size = new Map(saved.map((s) => [s.path, s.size]));
		return {
			files: report.files.map(({ path, ...r }) => ({
				...r,
				message: r.message && forWeb(r.message),
				warnings: r.warnings.map(forWeb),
				errors: once(r.errors).map((e) => ({ ...e, message: forWeb(e.message) })),
				name: basename(path),
				size: size.get(path) ?? 0
			})),
			touched: report.touched,
			auditRuns: report.auditRuns,
			auditError: report.auditError ?? null,
			seconds: (performance.now() - t0) / 1000
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * The ingest's messages name the CLI's options (--year, --unit MÃ, --kind …), the same words for
 * every caller; on this page they name the form's fields instead. The page has no field for the
 * period: "--period" stays, said to be the command line's.
 */
const WEB_WORDS: Array<[RegExp, (m: string, ...g: string[]) => string]> = [
	[/([Dd])ùng --kind [a-z_]+(?:\|[a-z_]+)+/g, (_, d) => `${d === 'D' ? 'C' : 'c'}họn loại ở ô "Loại tệp"`],
	[/dùng --kind ([a-z_]+)/g, (m, k) => (k in FILE_KINDS ? `chọn "${FILE_KINDS[k as FileKind]}" ở ô "Loại tệp"` : m)],
	[/dùng --year/g, () => 'điền năm ở ô "Năm"'],
	[/--year/g, () => 'ô "Năm"'],
	[/nạp lại với --unit(?: MÃ)?/g, () => 'nạp lại, điền mã đơn vị ở ô "Đơn vị"'],
	[/dùng --unit(?: MÃ)?/g, () => 'điền mã đơn vị ở ô "Đơn vị"'],
	[/--unit (")/g, () => 'Ô "Đơn vị" "'],
	[/--unit(?: MÃ)?/g, () => 'ô "Đơn vị"'],
	[/ \(hoặc --period\)/g, () => ''],
	[/bằng --period/g, () => 'khi nạp bằng dòng lệnh (--period)']
];

export function forWeb(message: string): string {
	return WEB_WORDS.reduce((m, [re, to]) => m.replace(re, to as (m: string, ...g: string[]) => string), message);
}

/** Row errors with one reason for many rows (a list without its year: every row) said once, with
 * its rows, in the order first met. */
function once(errors: RowError[]): UploadError[] {
	const seen = new Map<string, UploadError>();
	for (const e of errors) {
		const key = JSON.stringify([e.file, e.column, e.value, e.message]);
		const had = seen.get(key);
		if (had) had.rows.push(e.row);
		else seen.set(key, { ...e, rows: [e.row] });
	}
	return [...seen.values()];
}
