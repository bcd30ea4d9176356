// The blank templates served at /mau/<kind>.xlsx: filled in as a unit would (the title's year, one
// row in the first free row), each loads as its kind with nothing refused.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../../src/lib/domain/levels';
import { templateFields, templateXlsx } from '../../../src/lib/server/templates';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const FILLED: Record<FileKind, Record<string, string>> = {
	registry: { stt: '1', unit_code: 'C70010109', unit_name: 'Chi bộ thôn 9', unit_kind: 'Chi bộ trực thuộc', parent: 'X700101', founded_on: '01/01/2010' },
	roster: { stt: '1', full_name: 'Nguyễn Văn Mới', birth: '02/03/1980', unit_code: 'C70010101' },
	rating: { stt: '1', full_name: 'Nguyễn Văn Mới', birth: '02/03/1980', unit_code: 'C70010101', final_level: 'Hoàn thành tốt nhiệm vụ', decided_on: '10/12/2024' },
	discipline: { stt: '1', full_name: 'Nguyễn Văn Mới', birth: '02/03/1980', unit_code: 'C70010101', decided_on: '15/06/2024', discipline_form: 'Khiển trách' },
	civil_servant: { stt: '1', full_name: 'Nguyễn Văn Mới', birth: '02/03/1980', unit_code: 'C70010101', final_level: 'Hoàn thành tốt nhiệm vụ' }
};

describe('the blank templates', () => {
	for (const kind of Object.keys(FILLED) as FileKind[])
		it(`${kind}: the template with its year and one row filled in loads as that kind`, async () => {
			const { db, dir } = await dbWithRegistry();
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load((await templateXlsx(kind)) as unknown as ArrayBuffer);
			const ws = wb.worksheets[0];
			const title = ws.getCell(1, 1);
			title.value = String(title.value).replace('…', '2024');
			const fields = templateFields(kind);
			// the first row free below everything the template holds, as a user types it
			ws.getRow(ws.rowCount + 1).values = fields.map((f) => FILLED[kind][f.field] ?? null);
			const path = join(dir, `mau-${kind}.xlsx`);
			await wb.xlsx.writeFile(path);
			const r = await ingest(db, [path]);
			expect(r.files[0].errors, JSON.stringify(r.files[0].message)).toEqual([]);
			expect(r.files[0]).toMatchObject({ kind, status: 'loaded', rowsStored: 1 });
		});
});
