// Migrations on a database that already holds data: 008 turns the stored JSON sources of findings
// into lists of {file, row}, keeping every row and its order of columns; 011 gives units loaded
// before it their province code; 014 gives stored findings their person's birth year.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../../src/lib/server/db';
import { ingestFiles } from '../../../src/lib/server/ingest';
import { REGISTRY, tempDir, writeCsv } from '../../helpers/files';

describe('migration 008: anomaly.sources', () => {
	it('converts the JSON sources of stored findings into {file, row} lists', async () => {
		const path = join(tempDir(), 'old.duckdb');
		let db = await getDb(path);
		// the table as before 008 (sources as JSON text), holding a finding
		const columns = (await db.query<{ column_name: string }>('describe anomaly')).map((c) => c.column_name);
		await db.run('create table anomaly_v5 as select * exclude (subject_birth_year) replace (cast(null as json) as sources) from anomaly limit 0');
		await db.run('drop table anomaly');
		await db.run('alter table anomaly_v5 rename to anomaly');
		await db.run(
			`insert into anomaly (run_id, rule, status, rulebook, year, period_kind, period_no, subject_ref, severity, message, sources)
			 values (7, 'excellent_cap', 'flagged', 'qd124', 2024, 'year', 0, 'group:unit', 'high', 'Chi bộ thôn 1: …',
			         '[{"file":"a.csv","row":3},{"file":"b.csv","row":12}]')`
		);
		await db.run(`delete from schema_migration where name = '008_anomaly_sources.sql'`);
		await closeDb(path);

		db = await getDb(path); // applies 008 again
		// (014, applied already, added subject_birth_year after it)
		expect((await db.query<{ column_name: string }>('describe anomaly')).map((c) => c.column_name)).toEqual(columns.filter((c) => c !== 'subject_birth_year'));
		expect(await db.query('select run_id, sources from anomaly')).toEqual([
			{ run_id: 7, sources: [{ file: 'a.csv', row: 3 }, { file: 'b.csv', row: 12 }] }
		]);
		await closeDb(path);
	});
});

describe('migration 014: anomaly.subject_birth_year', () => {
	it('adds the column beside subject_birth_date, filled for stored findings from their person', async () => {
		const path = join(tempDir(), 'old.duckdb');
		let db = await getDb(path);
		const columns = (await db.query<{ column_name: string }>('describe anomaly')).map((c) => c.column_name);
		await db.run('create table anomaly_v13 as select * exclude (subject_birth_year) from anomaly limit 0');
		await db.run('drop table anomaly');
		await db.run('alter table anomaly_v13 rename to anomaly');
		await db.run(`insert into person (id, full_name, name_key, birth_year, source_file_id, source_row) values (41, 'Trần Văn Bình', 'tran van binh', 1975, 0, 5)`);
		await db.run(
			`insert into anomaly (run_id, rule, status, rulebook, year, period_kind, period_no, person_id, subject_ref, severity, message)
			 values (3, 'sick_leave_cap', 'flagged', 'qd124', 2024, 'year', 0, 41, 'name:tran van binh|1975', 'medium', '…')`
		);
		await db.run(`delete from schema_migration where name = '014_anomaly_birth_year.sql'`);
		await closeDb(path);

		db = await getDb(path); // applies 014 again
		expect((await db.query<{ column_name: string }>('describe anomaly')).map((c) => c.column_name)).toEqual(columns);
		expect(await db.query('select run_id, subject_birth_year from anomaly')).toEqual([{ run_id: 3, subject_birth_year: 1975 }]);
		await closeDb(path);
	});
});

describe('migration 011: unit.province_code', () => {
	it('fills the code of units stored without one, from their province names', async () => {
		const dir = tempDir();
		const path = join(dir, 'old.duckdb');
		let db = await getDb(path);
		await ingestFiles(db, [writeCsv(dir, 'registry.csv', REGISTRY)], { audit: false });
		// as the registry load left them before 011
		await db.run('update unit set province_code = null');
		await db.run(`delete from schema_migration where name = '011_unit_province_code.sql'`);
		await closeDb(path);

		db = await getDb(path); // applies 011 again
		expect(await db.query(`select province_code, count(*)::int as n from unit group by all order by all`)).toEqual([
			{ province_code: '70', n: 8 },
			{ province_code: '75', n: 1 } // Đảng bộ xã Bù Đăng, founded 01/07/2025
		]);
		await closeDb(path);
	});
});
