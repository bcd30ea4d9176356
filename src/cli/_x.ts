import { readSource } from '$lib/server/ingest/read';
const t = await readSource(process.argv[2]);
for (const r of (t[0] as any).preview.slice(0, 40)) console.log(r.join(' | '));
