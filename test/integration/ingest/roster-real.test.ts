// Member statuses as chi bộ write them on their rosters: abbreviations ("ĐVCT", "Miễn SHĐ") and
// temporary activity from either side. A member of this chi bộ active elsewhere for a while ("Sinh
// hoạt tạm thời đi") stays its official member and owes a rating here (003 §5.10); one from
// elsewhere active here ("SHTT đến") is temporary here.
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Ngày vào Đảng', 'Tình trạng'];

async function statuses(statusCells: string[]) {
	const { db, dir } = await dbWithRegistry();
	const f = writeCsv(dir, 'ds.csv', [...TITLE, HEAD, ...statusCells.map((s, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1960 + i), 'Nam', '03/02/1995', s])]);
	const r = await ingest(db, [f]);
	expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: statusCells.length });
	return (await db.query<{ status: string }>('select status from membership order by source_row')).map((m) => m.status);
}

describe('member statuses', () => {
	it('"ĐVCT", "ĐVDB", "Miễn SHĐ", "Tạm đình chỉ sinh hoạt"', async () => {
		expect(await statuses(['ĐVCT', 'ĐVDB', 'Miễn SHĐ', 'Tạm đình chỉ sinh hoạt'])).toEqual(['official', 'probationary', 'exempt', 'suspended']);
	});

	it('temporary activity elsewhere is official here; temporary activity here is temporary', async () => {
		expect(
			await statuses(['Sinh hoạt tạm thời đi', 'Đi sinh hoạt tạm thời', 'Đang sinh hoạt tạm thời nơi khác', 'SHTT đi', 'SHTT đến', 'Sinh hoạt tạm thời (đến)', 'Sinh hoạt tạm thời'])
		).toEqual(['official', 'official', 'official', 'official', 'temporary', 'temporary', 'temporary']);
	});
});

describe('moves', () => {
	it('"Chuyển đến từ" (where from, a unit\'s name) is not the move-in date; "Ngày chuyển đến" is', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Chuyển đến từ', 'Ngày chuyển đến', 'Nơi chuyển đi', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '1970', '', '', '', 'Chính thức'], ['2', 'Trần Thị Bích', '1980', 'Đảng bộ xã Minh Hưng', '15/08/2024', '', 'Chính thức']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await db.query("select strftime(joined_unit_on, '%d/%m/%Y') as j from membership order by source_row")).toEqual([{ j: null }, { j: '15/08/2024' }]);
	});
});

describe('a bare "Phân loại" column', () => {
	it('holding "Chính thức" / "Dự bị" on a roster is the status, not a level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Phân loại'],
			['1', 'Nguyễn Văn An', '1970', '01/01/2000', 'Chính thức'], ['2', 'Trần Thị Bình', '1971', '01/01/2024', 'Dự bị']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ status: string }>('select status from membership order by source_row')).map((m) => m.status)).toEqual(['official', 'probationary']);
	});
});
