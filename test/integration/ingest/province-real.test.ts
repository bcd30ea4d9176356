// A registry names each unit's province ("Tỉnh/Thành phố": "Bình Phước"); the rulebooks' per-province
// overrides (R1 share, R4 deadlines) are keyed by its code ("70"). Through ingest, not the fixture:
// the code is what the registry load stores (schema 011), and an override for it applies. After the
// 2025 merger a unit founded on or after 01/07/2025 has the new province's code (Bình Phước is
// then Đồng Nai, "75"); an older one keeps the code of the province it was registered in, and an
// override of a round after the merger keyed by the new province reaches it too.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { REGISTRY, writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const MORE = [
	REGISTRY[1],
	// a province committee without a province cell: its own name says it
	['1', 'T75M', 'Tỉnh ủy Đồng Nai', 'Tỉnh ủy', '', '', '', '01/07/2025', '', '', ''],
	// no province cell: the nearest ancestor's code, as the ancestor has it
	['2', 'C70010103', 'Chi bộ thôn 5', 'Chi bộ trực thuộc', 'X700101', '', 'Đoàn Kết', '01/01/2010', '', '', ''],
	['3', 'C70019901', 'Chi bộ ấp 3', 'Chi bộ trực thuộc', 'X700199', '', 'Bù Đăng', '01/07/2025', '', '', ''],
	// written in capitals, without accents
	['4', 'C70010202', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700102', 'TỈNH BINH PHUOC', 'Minh Hưng', '01/01/2001', '', '', ''],
	// a name the reference does not know: a warning, and the ancestor's code
	['5', 'C70010203', 'Chi bộ thôn 3', 'Chi bộ trực thuộc', 'X700102', 'Tỉnh Một', 'Minh Hưng', '01/01/2001', '', '', '']
];

const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Ngày quyết định'];
/** 3 HTXSNV for 10 HTTNV: above 20% (2 allowed), within 35% (3 allowed). */
function members(decided: string): string[][] {
	return Array.from({ length: 13 }, (_, i) => [String(i + 1), `Nguyễn Văn ${String.fromCharCode(65 + i)}`, String(1970 + i), i < 3 ? 'HTXSNV' : 'HTTNV', decided]);
}

async function loaded() {
	const { db, dir } = await dbWithRegistry();
	const r = await ingest(db, [writeCsv(dir, 'bo-sung.csv', MORE)]);
	expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded' });
	return { db, dir, warnings: r.files[0].warnings };
}

async function flagged(db: Awaited<ReturnType<typeof loaded>>['db'], year: number, rule: 'excellent_cap' | 'missing_review', overrides = {}) {
	const run = await runAudit(db, { year, rules: [rule], overrides, signals: false });
	return run.findings.filter((f) => f.status === 'flagged');
}

describe('a unit’s province code, from the registry', () => {
	it('is the code of the province named, a committee’s own name, or the nearest ancestor’s', async () => {
		const { db, warnings } = await loaded();
		expect(await db.query('select province_code, list(code order by code) as units from unit group by all order by all')).toEqual([
			{
				province_code: '70',
				units: ['C70010101', 'C70010102', 'C70010103', 'C70010201', 'C70010202', 'C70010203', 'C70010301', 'H7001', 'T70', 'X700101', 'X700102']
			},
			// X700199: founded 01/07/2025, written "Bình Phước": Đồng Nai's code
			{ province_code: '75', units: ['C70019901', 'T75M', 'X700199'] }
		]);
		expect(warnings.join('\n')).toContain('(dòng 6: "Tỉnh Một")');
	});
});

describe('per-province overrides on data loaded through ingest', () => {
	it('R1: the province’s share replaces 20% for its chi bộ and its deciding body', async () => {
		const { db, dir } = await loaded();
		const list = writeCsv(dir, 'xl-2024.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], HEAD, ...members('05/12/2024')]);
		expect((await ingest(db, [list])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 13 });
		expect((await flagged(db, 2024, 'excellent_cap')).length).toBeGreaterThan(0);
		expect(await flagged(db, 2024, 'excellent_cap', { r1_share_overrides: { '2024': { '70': 0.35 } } })).toEqual([]);
		// another province's share, or another year's, is not this one's
		expect((await flagged(db, 2024, 'excellent_cap', { r1_share_overrides: { '2024': { '75': 0.35 }, '2025': { '70': 0.35 } } })).length).toBeGreaterThan(0);
	});

	it('R1 in 2025: a unit registered in Bình Phước takes "70", one founded after the merger "75"', async () => {
		const { db, dir } = await loaded();
		const old = writeCsv(dir, 'xl-thon1.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], HEAD, ...members('05/12/2025')]);
		const neu = writeCsv(dir, 'xl-ap3.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['CHI BỘ ẤP 3'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], HEAD, ...members('05/12/2025')]);
		expect((await ingest(db, [old, neu])).files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		const units = async (share: Record<string, number>) =>
			[...new Set((await flagged(db, 2025, 'excellent_cap', { r1_share_overrides: { '2025': share } })).map((f) => f.unit_code))].sort();
		expect(await units({})).toEqual(['C70010101', 'C70019901', 'X700101', 'X700199']);
		expect(await units({ '70': 0.35 })).toEqual(['C70019901', 'X700199']);
		// the round of December 2025 is Đồng Nai's (Bình Phước merged into it on 01/07/2025): its key
		// reaches the units still registered under Bình Phước; a key of their own code comes first
		expect(await units({ '75': 0.35 })).toEqual([]);
		expect(await units({ '75': 0.35, '70': 0.2 })).toEqual(['C70010101', 'X700101']);
	});

	it('R4: the province’s later deadline makes a list decided on 20/12 on time', async () => {
		const { db, dir } = await loaded();
		const list = writeCsv(dir, 'xl-2024.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], HEAD, ...members('20/12/2024')]);
		expect((await ingest(db, [list])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 13 });
		const late = async (overrides = {}) =>
			(await flagged(db, 2024, 'missing_review', overrides)).filter((f) => (f.evidence as { check?: string }).check === 'late_list').map((f) => f.unit_code);
		expect(await late()).toEqual(['X700101']);
		expect(await late({ r4_deadline_overrides: { '2024': { '70': { dang_bo_co_so: '12-25' } } } })).toEqual([]);
		expect(await late({ r4_deadline_overrides: { '2024': { '75': { dang_bo_co_so: '12-25' } } } })).toEqual(['X700101']);
	});

	it('R4 in 2025: the deadline of the province a unit’s province merged into, its own province’s first', async () => {
		const { db, dir } = await loaded();
		const list = writeCsv(dir, 'xl-2025.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], HEAD, ...members('20/12/2025')]);
		expect((await ingest(db, [list])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 13 });
		const late = async (over: Record<string, Record<string, string>>) =>
			(await flagged(db, 2025, 'missing_review', { r4_deadline_overrides: { '2025': over } }))
				.filter((f) => (f.evidence as { check?: string }).check === 'late_list')
				.map((f) => f.unit_code);
		expect(await late({})).toEqual(['X700101']);
		expect(await late({ '75': { dang_bo_co_so: '12-25' } })).toEqual([]);
		expect(await late({ '75': { dang_bo_co_so: '12-25' }, '70': { dang_bo_co_so: '12-15' } })).toEqual(['X700101']);
		// another province the merger made (Hà Giang → Tuyên Quang, "08") is not Bình Phước's
		expect(await late({ '08': { dang_bo_co_so: '12-25' } })).toEqual(['X700101']);
	});
});
