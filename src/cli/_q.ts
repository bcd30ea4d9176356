import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDb } from '$lib/server/db';
import { ingestFiles } from '$lib/server/ingest';
const dir = process.argv[2];
const db = await getDb(':memory:');
const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(dir, f));
await ingestFiles(db, files, { audit: false });
console.log(await db.query(`select r.source_row, p.full_name, p.card_no, r.final_level from rating r join unit u on u.id = r.unit_id join person p on p.id = r.person_id where u.code = 'CB7005009001' and r.period_year = 2023 and r.subject_kind = 'member' order by r.source_row`));
