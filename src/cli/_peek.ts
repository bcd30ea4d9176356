import { readSource } from '$lib/server/ingest/read';
const t = await readSource(process.argv[2]);
const n = Number(process.argv[3] ?? 14);
for (const tb of t) { console.log('## sheet', (tb as any).sheet ?? ''); for (const r of (tb as any).preview.slice(0, n)) console.log(r.join(' | ')); }
