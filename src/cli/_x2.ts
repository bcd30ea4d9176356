import { readSource } from '$lib/server/ingest/read';
const t = await readSource(process.argv[2]);
const codes = process.argv.slice(3);
for (const r of (t[0] as any).preview) if (codes.some(c => r.includes(c))) console.log(r.join(' | '));
