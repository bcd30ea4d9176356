// Writes test input files the way units send them: CSV in a chosen encoding, delimiter, BOM and
// Unicode form; XLSX with title rows, merged cells and legacy fonts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { encodeText } from '../../src/lib/server/ingest/encoding';

/** A fresh directory under the system's temp, removed after each test file (test/helpers/cleanup.ts)
 * or when a bench exits: a test run makes some thousands, a rules bench's generated data is 400 MB. */
export function tempDir(prefix = 'giamsat-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	if (!made.length) process.once('exit', removeTempDirs);
	made.push(dir);
	return dir;
}
const made: string[] = [];

export function removeTempDirs(): void {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface CsvOptions {
	delim?: string;
	bom?: boolean;
	nfd?: boolean;
	encoding?: 'utf-8' | 'windows-1258' | 'tcvn3' | 'vni';
}

export function writeCsv(dir: string, name: string, rows: string[][], o: CsvOptions = {}): string {
	let text = Papa.unparse(rows, { delimiter: o.delim ?? ',', newline: '\r\n' });
	if (o.nfd) text = text.normalize('NFD');
	const path = join(dir, name);
	writeFileSync(path, o.encoding && o.encoding !== 'utf-8' ? encodeText(text, o.encoding) : (o.bom ? '\uFEFF' : '') + text);
	return path;
}

export interface XlsxOptions {
	/** rows are written as given; cells may be Date or number */
	merges?: string[];
	/** font name for every string cell (e.g. '.VnTime', 'VNI-Times') with text pre-encoded */
	font?: string;
}

export async function writeXlsx(dir: string, name: string, rows: Array<Array<string | number | Date | null>>, o: XlsxOptions = {}): Promise<string> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Danh sách');
	for (const r of rows) ws.addRow(r);
	if (o.font)
		ws.eachRow((row) =>
			row.eachCell((cell) => {
				if (typeof cell.value === 'string') cell.font = { name: o.font };
			})
		);
	for (const m of o.merges ?? []) ws.mergeCells(m);
	const path = join(dir, name);
	await wb.xlsx.writeFile(path);
	return path;
}

/** The registry every ingest test starts from: one province, one district, two communes that
 * both have a "Chi bộ thôn 1", a chi bộ cơ sở, and the 2025 merger of the two communes. */
export const REGISTRY: string[][] = [
	['DANH MỤC TỔ CHỨC ĐẢNG'],
	['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực'],
	['1', 'T70', 'Đảng bộ tỉnh Bình Phước', 'Tỉnh ủy', '', 'Bình Phước', '', '01/01/1997', '', '', ''],
	['2', 'H7001', 'Đảng bộ huyện Bù Đăng', 'Huyện ủy', 'T70', 'Bình Phước', 'Bù Đăng', '01/01/1988', '30/06/2025', '', ''],
	['3', 'X700101', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'H7001', 'Bình Phước', 'Đoàn Kết', '15/03/1990', '30/06/2025', 'X700199', '01/07/2025'],
	['4', 'X700102', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'H7001', 'Bình Phước', 'Minh Hưng', '15/03/1992', '30/06/2025', 'X700199', '01/07/2025'],
	['5', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
	['6', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '', '', ''],
	['7', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '', '', ''],
	['8', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', 'Bình Phước', 'Minh Hưng', '01/01/2001', '', '', ''],
	['9', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', 'Bình Phước', 'Đoàn Kết', '05/09/2005', '', '', '']
];
