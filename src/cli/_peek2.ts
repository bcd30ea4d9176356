import { readSource } from '$lib/server/ingest/read';
const t = await readSource(process.argv[2]);
const rows = (t[0] as any).preview as string[][];
const hi = rows.findIndex((r) => r.some((c) => /Họ|HỌ/.test(c)));
console.log(rows[hi].join(' | '));
for (const r of rows.slice(hi + 1)) if (r.join('|').includes(process.argv[3])) console.log(r.join(' | '));
console.log('rows', rows.length);
