// Unit names as units write them in a list's "Chi bộ" column: abbreviated, zero-padded, with the
// parent after a comma. Found in the registry by a looser key when the plain one finds nothing.
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Đảng ủy quyết định'];

describe('unit names in lists', () => {
	it.each([['CB thôn 1'], ['Chi bộ thôn 01'], ['Chi bộ thôn 1, xã Đoàn Kết'], ['cb. Thôn 01']])('"%s" is Chi bộ thôn 1 of the đảng bộ in the title', async (name) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [...TITLE, HEAD, ['1', 'Nguyễn Văn An', '12/05/1970', '70012345', name, 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code: 'C70010101' }]);
	});

	it('a name that is no unit of the registry, even loosely, is still refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [...TITLE, HEAD, ['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'CB thôn 9', 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
	});
});
