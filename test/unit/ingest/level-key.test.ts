// levelKey (TypeScript, reading x-mark column headers) and level_key (SQL, reading level cells) are
// one rule in two languages: every spelling of the alias table and the forms lists write must get
// the same key from both, or a header the cells' reader knows would be missed (or the reverse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { getDb } from '../../../src/lib/server/db';
import { levelKey } from '../../../src/lib/server/ingest/fields';

it('levelKey and the SQL level_key agree on every alias and on free spellings', async () => {
	const aliases = readFileSync(join(process.cwd(), 'data', 'reference', 'level_alias.csv'), 'utf8')
		.split(/\r?\n/).slice(1).map((l) => l.split(',')[0]).filter(Boolean);
	const free = ['Hoàn thành XS NV', 'Hoàn thành tốt NV', 'HT tốt nhiệm vụ', 'H.T.T.N.V', 'Hoàn thành tốt n/vụ', 'Không hoàn thành nhiệm vụ được giao',
		'Chưa hoàn thành nhiệm vụ', 'HOÀN THÀNH XUẤT SẮC NHIỆM VỤ', 'Hoàn thành nhiệm vụ'.normalize('NFD')];
	const all = [...new Set([...aliases, ...free])];
	expect(all.length).toBeGreaterThan(20);
	const db = await getDb(':memory:');
	const rows = await db.query<{ s: string; k: string }>(`select s, level_key(s) as k from unnest($a::varchar[]) t(s)`, { a: JSON.stringify(all) as never });
	const sql = new Map(rows.map((r) => [r.s, r.k]));
	for (const s of all) expect(levelKey(s), s).toBe(sql.get(s));
	expect(levelKey('Hoàn thành tốt NV')).toBe('htt');
});
