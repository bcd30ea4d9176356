// The dashboard tables: sql/marts/<name>.sql rebuilt as mart_<name>, in dependency order, in one
// transaction (a page never sees half a refresh). Called after audits: by the audit CLI, and by the
// ingest once the audits of the periods it touched have run.
import { type Db, sqlFile } from '../db';

/** In dependency order: locality_year reads mart_unit_year. */
export const MARTS = ['unit_year', 'locality_year'] as const;
export type MartName = (typeof MARTS)[number];

export async function refreshMarts(db: Db): Promise<{ seconds: number; rows: Record<MartName, number> }> {
	const t0 = performance.now();
	const rows = {} as Record<MartName, number>;
	await db.tx(async (t) => {
		for (const m of MARTS) {
			await t.run(`create or replace table mart_${m} as\n${sqlFile(`marts/${m}.sql`).trim().replace(/;\s*$/, '')}\n`);
			rows[m] = (await t.one<{ n: number }>(`select count(*) as n from mart_${m}`))!.n;
		}
	});
	return { seconds: (performance.now() - t0) / 1000, rows };
}
