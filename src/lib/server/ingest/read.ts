// Readers: turn a file as units send it (CSV in any of the encodings RULES.md lists, or XLSX with
// legacy-font cells and merged cells) into a grid of NFC strings. A clean UTF-8 CSV is not held in
// memory: only a preview is read here, and stage.ts hands the file itself to DuckDB's read_csv.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { convertFontText, decodeText, detectLegacy, legacyToUnicode, fontEncoding } from './encoding';
import { IngestError } from './errors';
import { decodeHtml, htmlGrid, looksHtml, looksSpreadsheetXml } from './html';

export interface SourceTable {
	path: string;
	/** the file's base name; "name [sheet]" when the workbook has several data sheets */
	fileName: string;
	/** of this part (the file's, or of the file and the sheet name) */
	sha256: string;
	/** of the whole file */
	fileSha256: string;
	/** text may hold combining marks (NFD): staging then NFC-normalises; a clean NFC file skips it */
	mayBeNfd: boolean;
	/** what was detected: utf-8, windows-1258, tcvn3, vni, xlsx, xlsx+tcvn3 … */
	encoding: string;
	/** first rows of the file, 1 row per record (CSV) or sheet row (XLSX) */
	preview: string[][];
	/** every row (XLSX and converted CSV); null when read_csv reads the file itself */
	rows: string[][] | null;
	/** set when DuckDB can read the file as is (clean UTF-8 CSV); `empties`: the preview lines
	 * that are empty — read_csv skips empty lines, so a row's number is only its line number
	 * when no empty line stands between the header and it (see needsRows); `multiline`: the preview
	 * records that span lines (a quoted cell with a line break), which read_csv's skip miscounts */
	csv: { delim: string; empties: number[]; multiline: number[] } | null;
	sheet?: string;
	/** a hidden sheet (dropdown values, lookups): skipped when another sheet loads */
	hidden?: boolean;
	/** formula cells with no saved result (a file written by a program that does not compute), and
	 * cells holding an Excel error (#N/A, #REF!), read as empty: [0-based row, 0-based column,
	 * formula or error, the error]; prepare refuses those that carry data */
	formulas?: Array<[number, number, string, string?]>;
	/** rows hidden in Excel that hold data (1-based), read like any row: hiding is not deleting */
	hiddenRows?: number[];
}

// (the header may be as low as row 40: header.ts HEADER_SCAN; data rows below it are looked at too)
const PREVIEW_ROWS = 60;
const MB = 1024 * 1024;
/** Size limits, read when a file is read (GIAMSAT_MAX_CSV_MB, GIAMSAT_MAX_XLSX_MB). */
export const maxCsvBytes = () => Number(process.env.GIAMSAT_MAX_CSV_MB ?? 1024) * MB;
export const maxXlsxBytes = () => Number(process.env.GIAMSAT_MAX_XLSX_MB ?? 100) * MB;

/** SHA-256 of the file; whether its bytes hold a UTF-8 lead byte of U+0300–U+037F (0xCC, 0xCD):
 * the combining marks of NFD text, without which the file is NFC already (memchr-fast); and
 * whether the whole file is valid UTF-8 (read_csv must not meet a bad byte half-way through). */
/** One read buffer for every scan (scanFile is synchronous): a fresh 4 MB buffer per file was
 * garbage-collector work over the 24 000 files of a national year. */
const scanBuffer = Buffer.allocUnsafe(4 * MB);

function scanFile(path: string): { sha256: string; mayBeNfd: boolean; utf8: boolean; innerEmpty: number } {
	const h = createHash('sha256');
	const fd = openSync(path, 'r');
	const buf = scanBuffer;
	let mayBeNfd = false;
	let utf8 = true;
	let carry = Buffer.alloc(0);
	// innerEmpty: byte offset of the last empty line ("\n\n" or "\n\r\n") that has text after it
	// (empty lines that end the file number nothing)
	let innerEmpty = -1;
	let pending = -1;
	let pos = 0;
	let tail = Buffer.alloc(0);
	const lastEmptyIn = (b: Buffer) => Math.max(b.lastIndexOf('\n\n'), b.lastIndexOf('\n\r\n'));
	try {
		let n: number;
		while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) {
			const chunk = buf.subarray(0, n);
			h.update(chunk);
			const seam = Buffer.concat([tail, chunk]);
			const base = pos - tail.length;
			let c = seam.length - 1;
			while (c >= 0 && (seam[c] === 0x0a || seam[c] === 0x0d)) c--;
			if (c >= 0) {
				if (pending >= 0) innerEmpty = Math.max(innerEmpty, pending);
				const at = lastEmptyIn(seam.subarray(0, c));
				if (at >= 0) innerEmpty = Math.max(innerEmpty, base + at + 1);
				pending = -1;
			}
			const after = lastEmptyIn(seam.subarray(Math.max(0, c)));
			if (after >= 0) pending = base + Math.max(0, c) + after + 1;
			tail = Buffer.from(chunk.subarray(Math.max(0, n - 2)));
			pos += n;
			if (!mayBeNfd && (chunk.indexOf(0xcc) >= 0 || chunk.indexOf(0xcd) >= 0)) mayBeNfd = true;
			if (utf8) {
				const whole = carry.length ? Buffer.concat([carry, chunk]) : chunk;
				const body = trimPartialUtf8(whole);
				utf8 = isUtf8(body);
				carry = Buffer.from(whole.subarray(body.length));
			}
		}
		if (utf8 && carry.length) utf8 = isUtf8(carry);
	} finally {
		closeSync(fd);
	}
	return { sha256: h.digest('hex'), mayBeNfd, utf8, innerEmpty };
}

function sha256File(path: string): string {
	return scanFile(path).sha256;
}

function countLines(buf: Buffer): number {
	let n = 0;
	for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) n++;
	return n;
}

function head(path: string, bytes: number): Buffer {
	const fd = openSync(path, 'r');
	try {
		const buf = Buffer.allocUnsafe(bytes);
		const n = readSync(fd, buf, 0, bytes, 0);
		return buf.subarray(0, n);
	} finally {
		closeSync(fd);
	}
}

/** Read a CSV or XLSX file (one table per data sheet); refuse what is neither, empty, protected
 * or too large. */
export async function readSource(path: string): Promise<SourceTable[]> {
	const fileName = basename(path);
	let size: number;
	try {
		size = statSync(path).size;
	} catch {
		throw new IngestError(fileName, `Không tìm thấy tệp "${path}".`);
	}
	if (size === 0) throw new IngestError(fileName, 'Tệp rỗng, không có dữ liệu.');
	const magic = head(path, 8);
	if (magic[0] === 0x50 && magic[1] === 0x4b) {
		if (size > maxXlsxBytes())
			throw new IngestError(fileName, `Tệp Excel quá lớn (${(size / MB).toFixed(0)} MB, tối đa ${maxXlsxBytes() / MB} MB): hãy tách tệp hoặc lưu dạng CSV.`);
		return readXlsx(path, fileName);
	}
	// an OLE2 compound file: an Excel 97–2003 workbook, or an .xlsx that a password encrypts. Named
	// .xls (.xlt), it is the old format: say so plainly, no password to look for
	if (magic.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
		throw new IngestError(
			fileName,
			/^\.xl[st]$/i.test(extname(fileName))
				? 'Tệp là định dạng Excel cũ (.xls), Giám Sát không đọc được: hãy mở bằng Excel, chọn Lưu thành… (Save As) định dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.'
				: 'Tệp Excel có đặt mật khẩu hoặc là định dạng Excel cũ (.xls): hãy bỏ mật khẩu và lưu lại dạng .xlsx hoặc CSV.'
		);
	const start = head(path, 4096);
	// a PDF: by its name, or its marker anywhere in the first 1 KB (readers allow bytes before it); a
	// scanned or printed list cannot be read, and its bytes read as CSV say only "no header row"
	if (extname(fileName).toLowerCase() === '.pdf' || start.subarray(0, 1024).includes('%PDF-'))
		throw new IngestError(fileName, 'Tệp PDF không nạp được: Giám Sát chỉ nhận danh sách dạng CSV hoặc Excel (.xlsx).');
	if (looksSpreadsheetXml(start))
		throw new IngestError(fileName, 'Tệp là bảng tính Excel dạng XML 2003, không nạp được: hãy mở bằng Excel, chọn Lưu thành… định dạng .xlsx rồi gửi lại.');
	if (looksHtml(start)) {
		if (size > maxCsvBytes()) throw new IngestError(fileName, `Tệp quá lớn (${(size / MB).toFixed(1)} MB, tối đa ${maxCsvBytes() / MB} MB).`);
		return [readHtml(path, fileName)];
	}
	if (size > maxCsvBytes())
		throw new IngestError(fileName, `Tệp quá lớn (${(size / MB).toFixed(1)} MB, tối đa ${maxCsvBytes() / MB} MB).`);
	return [await readCsv(path, fileName, size)];
}

/** An HTML table saved as .xls (web systems' export): a grid like a sheet's (html.ts). */
function readHtml(path: string, fileName: string): SourceTable {
	const bytes = readFileSync(path);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const { text, encoding } = decodeHtml(bytes);
	const grid = htmlGrid(text);
	if (!grid.length) throw new IngestError(fileName, 'Tệp là trang HTML không có bảng dữ liệu: hãy gửi danh sách dạng Excel (.xlsx) hoặc CSV.');
	return { path, fileName, sha256, fileSha256: sha256, mayBeNfd: false, encoding, preview: grid.slice(0, PREVIEW_ROWS), rows: grid, csv: null };
}

function looksBinary(buf: Buffer): boolean {
	const sample = buf.subarray(0, 8192);
	// UTF-16 has NULs by design; decodeText handles its BOM.
	if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
	let ctrl = 0;
	for (const b of sample) if (b === 0 || (b < 9 && b !== 0)) ctrl++;
	return ctrl > 0;
}

export function detectDelimiter(lines: string[]): string {
	let best = ',';
	let bestScore = -1;
	for (const d of [',', ';', '\t', '|']) {
		const counts = lines.filter((l) => l.trim()).map((l) => l.split(d).length - 1);
		const score = Math.max(0, ...counts);
		if (score > bestScore) [best, bestScore] = [d, score];
	}
	return best;
}

/** The first records of a CSV head, quote-aware (a quoted cell may hold line breaks). */
function parsePreview(text: string, delim: string): string[][] {
	// the head may end inside a record: only whole records before the cut are kept
	const r = Papa.parse<string[]>(text, { delimiter: delim, skipEmptyLines: false, preview: PREVIEW_ROWS + 1 });
	const rows = r.data.slice(0, PREVIEW_ROWS);
	while (rows.length && rows[rows.length - 1].every((c) => !c.trim())) rows.pop();
	return rows;
}

async function readCsv(path: string, fileName: string, size: number): Promise<SourceTable> {
	const { sha256, mayBeNfd, utf8, innerEmpty } = scanFile(path);
	// the preview's 60 lines fit in 64 KB but for very long lines; 256 KB then
	let first = head(path, Math.min(size, 64 * 1024));
	if (size > first.length && countLines(first) < PREVIEW_ROWS) first = head(path, Math.min(size, 256 * 1024));
	if (looksBinary(first)) throw new IngestError(fileName, 'Tệp không phải CSV hoặc Excel (.xlsx): nội dung nhị phân không đọc được.');
	const hasBom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
	// The fast path, whatever the size: UTF-8, not a legacy font encoding. Only a preview is held
	// here; read_csv takes the file (thousands of files of one layout in one read); NFC in SQL.
	const firstText = first.toString('utf8');
	// an Excel "sep=;" line: read in memory, where the line is dropped (see readCsvInMemory)
	if (utf8 && !detectLegacy(firstText) && !SEP_LINE.test(firstText)) {
		const text = firstText.replace(/^\uFEFF/, '');
		const delim = detectDelimiter(text.split(/\r?\n/, 30));
		// records, not lines: a quoted header cell typed with Alt+Enter ("Họ và⏎tên") spans lines
		const records = parsePreview(text, delim);
		// the bytes the preview's records take: an empty line after them (not at the end of the file)
		// stands among data rows that read_csv would misnumber, so such a file is read in memory
		const lineCount = records.reduce((n, r) => n + 1 + r.join('').split('\n').length - 1, 0);
		let previewEnd = 0;
		for (let i = 0; i < lineCount && previewEnd < first.length; i++) previewEnd = first.indexOf(0x0a, previewEnd) + 1 || first.length;
		if (innerEmpty < previewEnd) {
			const empties = records.flatMap((r, i) => (r.every((c) => c === '') && records.slice(i + 1).some((x) => x.some((c) => c !== '')) ? [i] : []));
			// read_csv's skip counts lines: records spanning lines are noted, see withRows
			const multiline = records.flatMap((r, i) => (r.some((c) => c.includes('\n')) ? [i] : []));
			const preview = records.map((r) => (r.length === 1 && r[0] === '' ? [] : r.map((c) => c.normalize('NFC'))));
			return { path, fileName, sha256, fileSha256: sha256, mayBeNfd, encoding: hasBom ? 'utf-8-bom' : 'utf-8', preview, rows: null, csv: { delim, empties, multiline } };
		}
	}
	return readCsvInMemory(path, fileName, sha256, first, firstText);
}

const SEP_LINE = /^\uFEFF?sep=(.)[ \t]*\r?\n/i;

/** The same CSV read in memory, when its header shows an empty line among the data rows. */
export function withRows(src: SourceTable, dataStart: number, force = false): SourceTable {
	if (force && src.csv) return withRows({ ...src, csv: { ...src.csv, empties: [dataStart] } }, dataStart);
	// a record above the data spanning lines (a header cell with a line break) would shift read_csv's
	// skip, which counts lines
	if (!src.csv || (!src.csv.empties.some((i) => i >= dataStart) && !src.csv.multiline.some((i) => i < dataStart))) return src;
	const first = head(src.path, 256 * 1024);
	return readCsvInMemory(src.path, src.fileName, src.sha256, first, first.toString('utf8'));
}

/** A CSV decoded and parsed in memory (legacy encodings, mixed lines, empty lines in the data):
 * staged through the appender with its exact row numbers. */
function readCsvInMemory(path: string, fileName: string, sha256: string, first: Buffer, firstText: string): SourceTable {
	const bytes = readFileSync(path);
	const decoded = isUtf8(trimPartialUtf8(first)) && !detectLegacy(firstText) ? decodeMixed(bytes) : decodeText(bytes);
	const { encoding } = decoded;
	// Excel reads a first line "sep=;" as the delimiter and does not show it: rows are numbered
	// as Excel shows them, so the line is not a row
	const sep = decoded.text.match(SEP_LINE);
	const text = sep ? decoded.text.slice(sep[0].length) : decoded.text;
	const all = text.split(/\r?\n/);
	const delim = sep?.[1] ?? detectDelimiter(all.slice(0, 30));
	const rows = multiLineSafe(Papa.parse<string[]>(text, { delimiter: delim, skipEmptyLines: false }).data.map((r) => r.map((c) => c.normalize('NFC'))));
	return { path, fileName, sha256, fileSha256: sha256, mayBeNfd: false, encoding, preview: rows.slice(0, PREVIEW_ROWS), rows, csv: null };
}

/** Papa's rows are records, not lines; when a quoted cell spans lines the two differ. We keep
 * records (row numbers then count records, as Excel shows them). */
function multiLineSafe(rows: string[][]): string[][] {
	while (rows.length && rows[rows.length - 1].every((c) => !c.trim())) rows.pop();
	return rows;
}

/** A UTF-8 file with a few lines typed elsewhere (Windows-1258 bytes): each line decoded by what it
 * is, so one stray line neither garbles the rest nor stops the load. */
function decodeMixed(bytes: Buffer): { text: string; encoding: string } {
	const out: string[] = [];
	let start = 0;
	let legacy = false;
	while (start <= bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		const line = bytes.subarray(start, end);
		const utf8 = isUtf8(line);
		legacy ||= !utf8;
		out.push(utf8 ? line.toString('utf8') : decodeText(line).text);
		start = end + 1;
	}
	// (the label says what the file held: most files read here are plain UTF-8 with an empty line)
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	return { text: out.join('\n').replace(/^\uFEFF/, '').normalize('NFC'), encoding: legacy ? 'utf-8+windows-1258' : bom ? 'utf-8-bom' : 'utf-8' };
}

/** A 256 KB head may cut a multi-byte character: drop the incomplete tail before isUtf8. */
function trimPartialUtf8(buf: Buffer): Buffer {
	let end = buf.length;
	for (let i = 1; i <= 3 && end - i >= 0; i++) {
		const b = buf[end - i];
		if ((b & 0xc0) === 0x80) continue; // continuation byte
		if (b >= 0xc0) end = end - i; // lead byte of a cut sequence
		break;
	}
	return buf.subarray(0, end);
}

function ymd(d: Date): string {
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

type Converter = (s: string, font?: string) => string;

/** A year typed into a cell formatted as a date (a "Năm sinh" column formatted dd/mm/yyyy): Excel
 * keeps 1985 as day 1985 of its calendar and shows 07/06/1905. No date of this domain falls in
 * those months (the Party was founded in 1930, no member was born then), so a date whose day
 * number is a year from 1900 to 2100 is read as that year. */
function typedYear(d: Date, date1904: boolean): string | null {
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	const day = (d.getTime() - epoch) / 86_400_000;
	return Number.isInteger(day) && day >= 1900 && day <= 2100 ? String(day) : null;
}

/** A date cell as the list gives it: a month or a year alone where its format shows no day ("06/2024"
 * typed into a cell Excel then formats mm/yyyy or mmm-yy): read as a span (an admission month,
 * schema 010), not as its first day. */
function dateText(d: Date, date1904: boolean, fmt?: string): string {
	const typed = typedYear(d, date1904);
	if (typed) return typed;
	// the format's own tokens: quoted text, [locale] and [colour] sections and escapes removed
	const tokens = (fmt ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
	if (/y/.test(tokens) && !/[dhs]/.test(tokens)) {
		const month = String(d.getUTCMonth() + 1).padStart(2, '0');
		return /m/.test(tokens) ? `${month}/${d.getUTCFullYear()}` : String(d.getUTCFullYear());
	}
	return ymd(d);
}

/** A card typed as a number shows its leading zeros through a format of zeros ("00000000",
 * "00.000000"): the text is what the cell shows, 01234560 and 70.012340, not 1234560. Only a
 * padding format (two zeros or more before any point): "0" or "0.0" would round a score of 89,6
 * to the 90 the cell shows, and the value is what was entered. */
function zeroPadded(v: number, fmt: string | undefined): string | null {
	const m = fmt?.match(/^(0+)(?:\.(0+))?$/);
	if (!m || v < 0 || m[1].length < 2) return null;
	const [int, frac] = (m[2] ? v.toFixed(m[2].length) : String(Math.round(v))).split('.');
	return int.padStart(m[1].length, '0') + (frac !== undefined ? `.${frac}` : '');
}

/** A cell whose text reads as empty though it is not: a formula whose result was never saved (Excel
 * always saves it; web systems and libraries writing .xlsx often do not), or an Excel error value
 * (#N/A of a VLOOKUP, #REF!), typed or a formula's result. [formula or error, error]. */
function unreadCell(cell: ExcelJS.Cell): [string, string?] | null {
	const v = cell.value as unknown;
	if (!v || typeof v !== 'object' || v instanceof Date) return null;
	const o = v as Record<string, unknown>;
	if (typeof o.error === 'string') return [o.error, o.error];
	if (!('formula' in o) && !('sharedFormula' in o)) return null;
	const formula = `=${String(cell.formula ?? o.formula ?? o.sharedFormula)}`;
	// (cell.value leaves out a result of "": the model keeps it)
	const result = o.result ?? ((cell.isMerged ? cell.master : cell).model as { result?: unknown }).result;
	const error = (result as { error?: unknown } | null | undefined)?.error;
	if (typeof error === 'string') return [formula, error];
	if (result !== null && result !== undefined) return null;
	return [formula];
}

// exceljs 4.4 (pinned) reads a few valid files wrong; its parser is mended here, once, where it
// goes wrong rather than after (the raw XML is gone by then).
{
	const require = createRequire(import.meta.url);
	type Model = { address?: string; number: number; cells: Model[]; formula?: string; shareType?: string; value?: unknown; result?: unknown; hasV?: boolean };
	type Xform = { parser?: unknown; model: Model; t?: string; lastRow?: number };
	type Proto = { parseOpen(this: Xform, n: { name: string }): boolean; parseClose(this: Xform, name: string): boolean };
	const cellX: Proto = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js').prototype;
	const rowX: Proto = require('exceljs/lib/xlsx/xform/sheet/row-xform.js').prototype;
	const colCache: { n2l(n: number): string; decodeAddress(a: string): { col: number } } = require('exceljs/lib/utils/col-cache.js');
	const [cellOpen, cellClose, rowOpen, rowClose] = [cellX.parseOpen, cellX.parseClose, rowX.parseOpen, rowX.parseClose];
	// Excel saves a formula whose result is "" (=IF(B15="","",…) in a template's empty rows) as
	// t="str" with an empty <v>, which exceljs reads as no result, like a formula never computed
	cellX.parseOpen = function (node) {
		if (!this.parser && node.name === 'v') this.model.hasV = true;
		return cellOpen.call(this, node);
	};
	cellX.parseClose = function (name) {
		const m = this.model;
		const more = cellClose.call(this, name);
		if (name === 'c' && m.hasV && this.t === 'str' && (m.formula || m.shareType) && m.result === undefined) m.result = '';
		if (name === 'c') delete m.hasV;
		return more;
	};
	// rows and cells written without their address (r=, optional in OOXML; some generators omit
	// it): the row after the one before, the column after the cell before
	rowX.parseOpen = function (node) {
		const opens = !this.parser && node.name === 'row';
		const more = rowOpen.call(this, node);
		if (opens) {
			if (!Number.isFinite(this.model.number)) this.model.number = (this.lastRow ?? 0) + 1;
			this.lastRow = this.model.number;
		}
		return more;
	};
	rowX.parseClose = function (name) {
		const cells = this.model?.cells;
		const n = cells?.length ?? 0;
		const more = rowClose.call(this, name);
		if (cells && cells.length > n && !cells[n].address) {
			const col = n ? colCache.decodeAddress(cells[n - 1].address!).col + 1 : 1;
			cells[n].address = `${colCache.n2l(col)}${this.model.number}`;
		}
		return more;
	};
}

/** Rich text runs, each converted by its own font (or the cell's). */
function runsText(runs: Array<{ text: string; font?: { name?: string } }>, convert: Converter, font?: string): string {
	return runs.map((r) => convert(r.text, r.font?.name ?? font)).join('');
}

function cellText(cell: ExcelJS.Cell, convert: Converter, date1904: boolean): string {
	// A vertically merged cell (a unit name spanning its members' rows) belongs to every row it
	// covers; a horizontal merge (a footer "Tổng số" across columns) only to its first column, but
	// in a member's row (sheetGrid, isMemberRow).
	const src = cell.isMerged && cell.master && cell.master.col === cell.col ? cell.master : cell;
	if (cell.isMerged && src !== cell.master && cell.master !== cell) return '';
	const v = src.value as unknown;
	const font = src.font?.name;
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return dateText(v, date1904, src.numFmt);
	if (typeof v === 'number') return zeroPadded(v, src.numFmt) ?? String(v);
	if (typeof v === 'boolean') return String(v);
	if (typeof v === 'string') return convert(v, font);
	if (typeof v === 'object') {
		const o = v as Record<string, unknown>;
		if (Array.isArray(o.richText)) return runsText(o.richText, convert, font);
		if ('result' in o) {
			const r = o.result;
			if (r instanceof Date) return dateText(r, date1904, src.numFmt);
			return r === null || r === undefined || typeof r === 'object' ? '' : convert(String(r), font);
		}
		if (typeof o.text === 'string') return convert(o.text, font);
		// a hyperlink whose text is rich text (part of it bold, coloured)
		const t = o.text as Record<string, unknown> | undefined;
		if (Array.isArray(t?.richText)) return runsText(t.richText, convert, font);
	}
	return '';
}

async function readXlsx(path: string, fileName: string): Promise<SourceTable[]> {
	const sha256 = sha256File(path);
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.readFile(path);
	} catch (e) {
		const detail = (e as Error).message;
		// a ZIP that opens (JSZip's errors name the zip, its data or CRC) but whose workbook exceljs
		// cannot follow: another program wrote it, and Excel, more lenient, reads and rewrites it
		if (!/zip|compress|crc|central directory|end of data|signature/i.test(detail))
			throw new IngestError(fileName, `Không đọc được cấu trúc sổ Excel (${detail}): tệp có thể do phần mềm khác tạo. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.`);
		throw new IngestError(fileName, `Không đọc được tệp Excel (${detail}). Tệp có thể hỏng, có mật khẩu, hoặc không phải .xlsx.`);
	}
	// exceljs opens any ZIP (a .docx, an .ods, a folder compressed) and finds no sheet in it
	if (!wb.worksheets.length)
		throw new IngestError(fileName, 'Tệp không phải sổ Excel .xlsx (là tệp nén ZIP hoặc tài liệu khác như .docx, .ods): nếu là tệp nén, hãy giải nén và gửi tệp .xlsx/.csv bên trong; nếu là .ods, hãy mở và lưu lại dạng .xlsx.');
	const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0 && ws.state !== 'veryHidden');
	if (!sheets.length) throw new IngestError(fileName, 'Tệp Excel không có trang tính nào chứa dữ liệu.');
	return sheets.map((sheet) => {
		const { grid, encoding, formulas, hiddenRows } = sheetGrid(sheet);
		const several = sheets.length > 1;
		return {
			path,
			fileName: several ? `${fileName} [${sheet.name}]` : fileName,
			sha256: several ? createHash('sha256').update(`${sha256}:${sheet.name}`).digest('hex') : sha256,
			fileSha256: sha256,
			mayBeNfd: false, // cells were NFC-normalised as read
			encoding,
			preview: grid.slice(0, PREVIEW_ROWS),
			rows: grid,
			csv: null,
			sheet: sheet.name,
			hidden: sheet.state !== 'visible',
			formulas,
			hiddenRows
		};
	});
}

/** A member's row (a number, the STT, then other values) left of column `before`: a horizontal
 * merge there ("Miễn sinh hoạt đảng (không xếp loại)" over Tự xếp loại | Chi bộ đề xuất | Đảng ủy
 * quyết định) holds each column's value, as if typed in each; a title's, a footer's or a section
 * row's merge ("Tổng số", "T/M CHI BỘ", "I. CHI BỘ THÔN 1") has no such cells before it. */
function isMemberRow(row: string[], before: number): boolean {
	const left = row.slice(0, before).filter((c) => c.trim());
	return left.length >= 2 && /^\d{1,5}[.)]?$/.test(left[0].trim());
}

function sheetGrid(sheet: ExcelJS.Worksheet): { grid: string[][]; encoding: string; formulas: Array<[number, number, string, string?]>; hiddenRows: number[] } {
	// Cells typed in .VnTime / VNI fonts hold legacy bytes as characters. Convert by the cell's font;
	// when no cell names a legacy font but the text looks legacy, convert the whole sheet.
	let legacySeen: string | null = null;
	const byFont: Converter = (s, font) => {
		const enc = fontEncoding(font);
		if (!enc) return s.normalize('NFC');
		legacySeen = enc;
		// convertFontText leaves alone Unicode typed into a cell still formatted .VnTime
		return convertFontText(s, font);
	};
	const grid: string[][] = [];
	const formulas: Array<[number, number, string, string?]> = [];
	const hiddenRows: number[] = [];
	const date1904 = Boolean(sheet.workbook.properties?.date1904);
	sheet.eachRow({ includeEmpty: true }, (row, rowNo) => {
		const out: string[] = [];
		const spanned: ExcelJS.Cell[] = [];
		// each row to its own last cell, not the sheet's widest: one stray cell in column XFD would
		// make every row 16 384 cells (gigabytes for a few thousand bordered rows)
		for (let c = 1; c <= row.cellCount; c++) {
			const cell = row.getCell(c);
			out.push(cellText(cell, byFont, date1904));
			if (cell.isMerged && cell.master.col !== cell.col) spanned.push(cell);
			const u = unreadCell(cell);
			if (u) formulas.push([rowNo - 1, c - 1, ...u]);
		}
		for (const cell of spanned) if (isMemberRow(out, Number(cell.master.col) - 1)) out[Number(cell.col) - 1] = cellText(cell.master, byFont, date1904);
		grid[rowNo - 1] = out;
		if (row.hidden && out.filter((c) => c.trim()).length >= 2) hiddenRows.push(rowNo);
	});
	for (let i = 0; i < grid.length; i++) grid[i] ??= [];
	while (grid.length && grid[grid.length - 1].every((c) => !c.trim())) grid.pop();
	let encoding = legacySeen ? `xlsx+${legacySeen}` : 'xlsx';
	if (!legacySeen) {
		const sample = grid.slice(0, 200).flat().join(' ');
		const enc = detectLegacy(sample);
		if (enc) {
			for (const r of grid) for (let i = 0; i < r.length; i++) r[i] = legacyToUnicode(r[i], enc);
			encoding = `xlsx+${enc}`;
		}
	}
	return { grid, encoding, formulas, hiddenRows };
}
