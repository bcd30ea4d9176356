// npm run bench -- ingest [--rows N] [--xlsx-rows N] [--dir DIR]
// Times the ingest through the CLI's code path (ingestFiles: read, header map, normalise, identity,
// merge, one transaction) on a messy CSV (BOM, semicolons, NFD names, level aliases, mixed date
// forms), beside DuckDB's own read_csv of the same file into a table, in the same run; then an XLSX
// of 100 thousand rows; the audit the ingest triggers is timed and printed apart; peak memory last.
// With --dir DIR (e.g. generated national data for one year) it loads every file of DIR instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeDb, getDb } from '../src/lib/server/db';
import { ingestFiles } from '../src/lib/server/ingest';
import { findHeader } from '../src/lib/server/ingest/header';
import { detectDelimiter, readSource } from '../src/lib/server/ingest/read';
import { auditPeriods } from '../src/lib/server/rules/runner';
import { parseArgs, flagInt, flagString } from '../src/cli/output';
import { writeBigRatingCsv } from '../test/helpers/big-csv';
import { REGISTRY, tempDir, writeCsv } from '../test/helpers/files';
import { line, num, peakMb, rate, secs, timed } from './util';

const UNITS = ['C70010101', 'C70010102', 'C70010201', 'C70010301'];

async function writeBigXlsx(path: string, rows: number): Promise<void> {
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
	const ws = wb.addWorksheet('Danh sách');
	ws.addRow(['ĐẢNG BỘ XÃ ĐOÀN KẾT']).commit();
	ws.addRow(['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023']).commit();
	ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Mã đơn vị', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định']).commit();
	const levels = ['HTTNV', 'Hoàn thành tốt nhiệm vụ', 'HTXSNV', 'HTNV'];
	for (let i = 1; i <= rows; i++)
		ws.addRow([i, `Trần Thị Mai ${i}`, new Date(Date.UTC(1960 + (i % 40), i % 12, (i % 28) + 1)), String(20_000_000 + i), UNITS[i % 4], levels[i % 4], levels[i % 4], levels[i % 4], '05/12/2023']).commit();
	await wb.commit();
}

/** DuckDB's own read of CSV files into a table, all VARCHAR: one read_csv over every file of the
 * same delimiter and first data line (header = false, as many columns as the widest header, no
 * sniffing), as DuckDB reads a folder of files at its best. Delimiter and header are found by the
 * ingest's own readers, outside the timing. UTF-8 files are read as such; a Windows-1258 / TCVN3 /
 * VNI file is read raw as latin-1 (its speed, not its letters, is what the comparison needs). */
async function rawReadCsv(paths: string[], dbPath: string): Promise<{ seconds: number; unread: string[] }> {
	const db = await getDb(dbPath);
	const groups = new Map<string, { files: string[]; width: number }>();
	for (const path of paths) {
		const [src] = await readSource(path);
		const header = findHeader(src.preview);
		if (!header) continue;
		const delim = src.csv?.delim ?? detectDelimiter(readFileSync(path, 'latin1').split(/\r?\n/, 30));
		const key = JSON.stringify([delim, header.dataStart, src.csv !== null]);
		const g = groups.get(key) ?? groups.set(key, { files: [], width: 0 }).get(key)!;
		g.files.push(path);
		g.width = Math.max(g.width, header.width);
	}
	let seconds = 0;
	const unread: string[] = [];
	for (const [key, { files, width }] of groups) {
		const [delim, skip, utf8] = JSON.parse(key);
		const list = `[${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}]`;
		const columns = `{${Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
		const read = (enc: string) =>
			`create or replace temp table raw_read as select * from read_csv(${list}, delim = '${delim}', skip = ${skip}, header = false, columns = ${columns}, auto_detect = false, null_padding = true, strict_mode = false, encoding = '${enc}')`;
		// only a read that succeeds is timed
		let t = await timed(() => db.run(read(utf8 ? 'utf-8' : 'latin-1')).then(() => true, () => false));
		if (!t.value && utf8) t = await timed(() => db.run(read('latin-1')).then(() => true, () => false));
		if (t.value) seconds += t.seconds;
		// bytes DuckDB reads as neither UTF-8 nor latin-1 (0x80–0x9F of Windows-1258): such files
		// are left out of the reference, which only makes the comparison harder for us
		if (!t.value) unread.push(...files);
	}
	await db.run('drop table if exists raw_read');
	return { seconds, unread };
}

export async function benchIngest(argv: string[]): Promise<void> {
	const { flags } = parseArgs(argv);
	const dir = tempDir('giamsat-bench-');
	const dbPath = join(dir, 'bench.duckdb');
	const db = await getDb(dbPath);
	const source = flagString(flags, 'dir');
	console.log(`Thư mục tạm: ${dir}`);

	if (source) {
		// Generated data: registry first (ingestFiles orders by kind), every file through the CLI path.
		const files = readdirSync(source).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(source, f));
		const csvs = files.filter((f) => f.endsWith('.csv'));
		const { seconds: raw, unread } = await rawReadCsv(csvs, dbPath);
		const r = await timed(() => ingestFiles(db, files, { audit: false }));
		const rows = r.value.files.reduce((s, f) => s + f.rowsStored, 0);
		const csvRows = r.value.files.filter((f) => f.path.endsWith('.csv')).reduce((s, f) => s + f.rowsStored, 0);
		line('Tệp', `${num(files.length)} (${num(csvs.length)} CSV), ${num(Math.round(files.reduce((s, f) => s + statSync(f).size, 0) / 1e6))} MB`);
		line('DuckDB read_csv thô (các tệp CSV)', `${secs(raw)} — ${rate(csvRows, raw)}; ${num(unread.length)} tệp DuckDB không đọc được (không tính)`);
		line('Giám Sát nạp (đường CLI, mọi tệp)', `${secs(r.seconds)} — ${rate(rows, r.seconds)}`);
		line('Tỷ lệ so với read_csv thô', `${(r.seconds / raw).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}×`);
		line('Tệp bị từ chối', num(r.value.files.filter((f) => f.status === 'refused').length));
		const a = await timed(() => auditPeriods(db, r.value.touched));
		line('Kiểm tra (audit) sau khi nạp, tính riêng', secs(a.seconds));
		line('Bộ nhớ đỉnh', `${num(Math.round(peakMb()))} MB`);
		await closeDb(dbPath);
		return;
	}

	const rows = flagInt(flags, 'rows') ?? 2_000_000;
	const xlsxRows = flagInt(flags, 'xlsx-rows') ?? 100_000;
	await ingestFiles(db, [writeCsv(dir, 'registry.csv', REGISTRY)], { audit: false });
	const csv = join(dir, 'xep-loai-2022.csv');
	const w = await timed(() => writeBigRatingCsv(csv, rows, UNITS));
	line('Sinh tệp CSV', `${num(rows)} dòng, ${num(Math.round(statSync(csv).size / 1e6))} MB, ${secs(w.seconds)}`);

	const { seconds: raw } = await rawReadCsv([csv], dbPath);
	line('DuckDB read_csv thô vào bảng', `${secs(raw)} — ${rate(rows, raw)}`);
	const r = await timed(() => ingestFiles(db, [csv], { year: 2022, audit: false }));
	const f = r.value.files[0];
	if (f.status !== 'loaded') throw new Error(`nạp thất bại: ${f.message} ${JSON.stringify(f.errors.slice(0, 3))}`);
	line('Giám Sát nạp (đường CLI: ánh xạ, chuẩn hóa, định danh)', `${secs(r.seconds)} — ${rate(f.rowsStored, r.seconds)}`);
	line('Tỷ lệ so với read_csv thô (mục tiêu ≤ 2×)', `${(r.seconds / raw).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}×`);
	const a = await timed(() => auditPeriods(db, r.value.touched));
	line('Kiểm tra (audit) năm 2022, tính riêng', secs(a.seconds));

	const xlsx = join(dir, 'xep-loai-2023.xlsx');
	await writeBigXlsx(xlsx, xlsxRows);
	const x = await timed(() => ingestFiles(db, [xlsx], { audit: false }));
	const xf = x.value.files[0];
	if (xf.status !== 'loaded') throw new Error(`nạp XLSX thất bại: ${xf.message} ${JSON.stringify(xf.errors.slice(0, 3))}`);
	line(`Giám Sát nạp XLSX ${num(xlsxRows)} dòng`, `${secs(x.seconds)} — ${rate(xf.rowsStored, x.seconds)}`);
	line('Bộ nhớ đỉnh (RSS)', `${num(Math.round(peakMb()))} MB`);
	await closeDb(dbPath);
}
