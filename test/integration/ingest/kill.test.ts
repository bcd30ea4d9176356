// Atomicity: the ingest CLI killed (SIGKILL) in the middle of a large load leaves the database
// exactly as it was: the transaction never committed, DuckDB discards it on the next open.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../../src/lib/server/db';
import { REGISTRY, tempDir, writeCsv } from '../../helpers/files';
import { writeBigRatingCsv } from '../../helpers/big-csv';
import { counts } from '../../helpers/ingest-db';

function cli(args: string[]) {
	return spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { cwd: process.cwd(), env: { ...process.env, CI: '1' } });
}

function exit(p: ReturnType<typeof cli>): Promise<number | null> {
	return new Promise((r) => p.on('exit', (code) => r(code)));
}

describe('kill in the middle of a load', () => {
	it('leaves the database unchanged', async () => {
		const dir = tempDir();
		const dbPath = join(dir, 'kill.duckdb');
		const reg = writeCsv(dir, 'registry.csv', REGISTRY);
		expect(await exit(cli([reg, '--db', dbPath, '--no-audit']))).toBe(0);
		const big = join(dir, 'big.csv');
		await writeBigRatingCsv(big, 400_000, ['C70010101', 'C70010102', 'C70010201']);

		let db = await getDb(dbPath);
		const before = await counts(db);
		await closeDb(dbPath);

		const p = cli([big, '--db', dbPath, '--year', '2022', '--no-audit']);
		let out = '';
		p.stdout.on('data', (d) => (out += d));
		// wait until the transaction has begun (its first step), then give it a moment inside it
		await new Promise<void>((resolve) => {
			const t = setInterval(() => {
				if (out.includes('đọc và làm sạch:')) {
					clearInterval(t);
					setTimeout(resolve, 700);
				}
			}, 20);
		});
		p.kill('SIGKILL');
		const code = await exit(p);
		expect(code).toBeNull(); // killed, not finished

		db = await getDb(dbPath);
		expect(await counts(db)).toEqual(before);
		expect(await db.one(`select count(*)::int as n from source_file where file_name = 'big.csv'`)).toEqual({ n: 0 });
		await closeDb(dbPath);
	});
});
