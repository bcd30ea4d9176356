// A fresh in-memory database with the test registry loaded, and short-hands to read it back.
import { getDb, type Db } from '../../src/lib/server/db';
import { ingestFiles, type IngestOptions, type IngestReport } from '../../src/lib/server/ingest';
import { REGISTRY, tempDir, writeCsv } from './files';

export async function dbWithRegistry(): Promise<{ db: Db; dir: string }> {
	const db = await getDb(':memory:');
	const dir = tempDir();
	const r = await ingestFiles(db, [writeCsv(dir, 'registry.csv', REGISTRY)], { audit: false });
	if (r.files[0].status !== 'loaded') throw new Error(JSON.stringify(r.files[0]));
	return { db, dir };
}

export async function ingest(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
	return ingestFiles(db, paths, { audit: false, ...opts });
}

export async function counts(db: Db): Promise<Record<string, number>> {
	const row = await db.one<Record<string, number>>(`select
		(select count(*)::int from unit) as unit, (select count(*)::int from person) as person,
		(select count(*)::int from membership) as membership, (select count(*)::int from rating) as rating,
		(select count(*)::int from discipline) as discipline, (select count(*)::int from source_file) as source_file`);
	return row!;
}
