// Blank templates, one per file kind: the columns Giám Sát reads (from fields.ts) and a title line,
// as XLSX; what each column takes is a note on its header cell, not a row (a guidance row left in
// place would be read as data). Served at /mau/<kind>.xlsx; README's column tables say the same.
import ExcelJS from 'exceljs';
import { FILE_KINDS, type FileKind } from '../domain/levels';
import { FIELDS } from './ingest/fields';

const TITLES: Record<FileKind, string> = {
	registry: 'DANH MỤC TỔ CHỨC ĐẢNG',
	roster: 'DANH SÁCH ĐẢNG VIÊN NĂM …',
	rating: 'DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM …',
	discipline: 'SỔ THEO DÕI KỶ LUẬT NĂM …',
	civil_servant: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM …'
};

export function templateFields(kind: FileKind) {
	return FIELDS.filter((f) => f.kinds.includes(kind));
}

export async function templateXlsx(kind: FileKind): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(FILE_KINDS[kind]);
	const fields = templateFields(kind);
	ws.addRow([TITLES[kind]]).font = { bold: true, size: 13 };
	ws.addRow([]);
	const head = ws.addRow(fields.map((f) => f.label));
	head.font = { bold: true };
	head.eachCell((c, i) => {
		c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE68A' } };
		c.note = fields[i - 1].doc;
	});
	fields.forEach((_, i) => (ws.getColumn(i + 1).width = Math.max(12, Math.min(40, fields[i].label.length + 6))));
	return Buffer.from(await wb.xlsx.writeBuffer());
}
