// A small XLSX writer for the generator: shared strings, merged cells, date cells and the fonts
// real files use (Times New Roman, .VnTime / .VnTimeH for TCVN3, VNI-Times for VNI), zipped with
// fixed timestamps so that the same seed writes byte-identical workbooks (exceljs stamps the
// current time into every zip entry). Fast enough for tens of thousands of small files.
// Called by writers.ts.
import { crc32, deflateRawSync } from 'node:zlib';

export const ST = {
	normal: 0,
	bold: 1,
	date: 2,
	vnTime: 3,
	vnTimeH: 4,
	vni: 5,
	vniBold: 6,
	title: 7,
	header: 8
} as const;

export type XValue = string | number | null | { date: number; s?: number } | { v: string | number; s: number };

export interface XSheet {
	name: string;
	rows: XValue[][];
	merges?: string[];
	widths?: number[];
}

const esc = (s: string) =>
	s
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');

export function colName(i: number): string {
	let s = '';
	i++;
	while (i > 0) {
		const m = (i - 1) % 26;
		s = String.fromCharCode(65 + m) + s;
		i = Math.floor((i - 1) / 26);
	}
	return s;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="6"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><sz val="12"/><name val=".VnTime"/><family val="2"/></font><font><b/><sz val="12"/><name val=".VnTimeH"/><family val="2"/></font><font><sz val="12"/><name val="VNI-Times"/></font><font><b/><sz val="12"/><name val="VNI-Times"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="5" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sh: XSheet, sst: Map<string, number>, sstList: string[]): string {
	const parts: string[] = [];
	let maxCol = 0;
	sh.rows.forEach((row, ri) => {
		const cells: string[] = [];
		row.forEach((v, ci) => {
			if (v === null || v === '' || v === undefined) return;
			const ref = colName(ci) + (ri + 1);
			if (ci + 1 > maxCol) maxCol = ci + 1;
			let val: string | number;
			let s = 0;
			if (typeof v === 'object') {
				if ('date' in v) {
					cells.push(`<c r="${ref}" s="${v.s ?? ST.date}"><v>${v.date}</v></c>`);
					return;
				}
				val = v.v;
				s = v.s;
			} else val = v;
			if (typeof val === 'number') {
				cells.push(`<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${val}</v></c>`);
				return;
			}
			let k = sst.get(val);
			if (k === undefined) {
				k = sstList.length;
				sst.set(val, k);
				sstList.push(val);
			}
			cells.push(`<c r="${ref}" t="s"${s ? ` s="${s}"` : ''}><v>${k}</v></c>`);
		});
		parts.push(`<row r="${ri + 1}">${cells.join('')}</row>`);
	});
	const dim = `A1:${colName(Math.max(0, maxCol - 1))}${Math.max(1, sh.rows.length)}`;
	const cols = sh.widths?.length
		? `<cols>${sh.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
		: '';
	const merges = sh.merges?.length ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15.75"/>${cols}<sheetData>${parts.join('')}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

interface Entry {
	name: string;
	data: Buffer;
}

/** A zip archive with deflated entries and a fixed date (01/01/1980), byte-identical every time. */
function zip(entries: Entry[]): Buffer {
	const chunks: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const comp = deflateRawSync(e.data, { level: 6 });
		const crc = crc32(e.data) >>> 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8);
		local.writeUInt16LE(0, 10); // time
		local.writeUInt16LE(0x0021, 12); // date 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(comp.length, 18);
		local.writeUInt32LE(e.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		chunks.push(local, name, comp);
		const c = Buffer.alloc(46);
		c.writeUInt32LE(0x02014b50, 0);
		c.writeUInt16LE(20, 4);
		c.writeUInt16LE(20, 6);
		c.writeUInt16LE(0x0800, 8);
		c.writeUInt16LE(8, 10);
		c.writeUInt16LE(0, 12);
		c.writeUInt16LE(0x0021, 14);
		c.writeUInt32LE(crc, 16);
		c.writeUInt32LE(comp.length, 20);
		c.writeUInt32LE(e.data.length, 24);
		c.writeUInt16LE(name.length, 28);
		c.writeUInt32LE(offset, 42);
		central.push(c, name);
		offset += 30 + name.length + comp.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, cd, end]);
}

/** The bytes of a workbook with the given sheets. */
export function xlsxBuffer(sheets: XSheet[]): Buffer {
	const sst = new Map<string, number>();
	const sstList: string[] = [];
	const sheetXmls = sheets.map((s) => sheetXml(s, sst, sstList));
	let refs = 0;
	for (const s of sheets) for (const r of s.rows) for (const v of r) if (typeof v === 'string' || (v && typeof v === 'object' && 'v' in v && typeof v.v === 'string')) refs++;
	const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${refs}" uniqueCount="${sstList.length}">${sstList
		.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`)
		.join('')}</sst>`;
	const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets
		.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
		.join('')}</sheets></workbook>`;
	const n = sheets.length;
	const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
		.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
		.join('')}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
	const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
		.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
		.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
	const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
	const b = (s: string) => Buffer.from(s, 'utf8');
	return zip([
		{ name: '[Content_Types].xml', data: b(types) },
		{ name: '_rels/.rels', data: b(rels) },
		{ name: 'xl/workbook.xml', data: b(wb) },
		{ name: 'xl/_rels/workbook.xml.rels', data: b(wbRels) },
		{ name: 'xl/styles.xml', data: b(STYLES) },
		{ name: 'xl/sharedStrings.xml', data: b(sstXml) },
		...sheetXmls.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: b(x) }))
	]);
}
