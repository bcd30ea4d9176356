import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDb } from '$lib/server/db';
import { ingestFiles } from '$lib/server/ingest';
const dir = process.argv[2];
const db = await getDb(':memory:');
const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(dir, f));
const r = await ingestFiles(db, files, { audit: false });
for (const f of r.files) if (f.status !== 'loaded') console.log(f.path.split('/').pop(), f.status, f.errorCount, JSON.stringify(f.errors.slice(0, 2)));
