import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDb } from '$lib/server/db';
import { ingestFiles } from '$lib/server/ingest';
import { runAudit } from '$lib/server/rules/runner';
import { readTruth, score } from '../../bench/rules';
import { findingKey } from '$lib/domain/anomaly';
const dir = process.argv[2];
const db = await getDb(':memory:');
const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(dir, f));
const t0 = performance.now();
const rep = await ingestFiles(db, files, { audit: false });
console.log('ingest s', ((performance.now() - t0) / 1000).toFixed(1));
for (const f of rep.files) if (f.status !== 'loaded') console.log(f.status, f.path.split('/').pop(), f.message, JSON.stringify(f.errors.slice(0, 3)));
for (const f of rep.files) if (f.warnings.length) console.log('warn', f.path.split('/').pop(), f.warnings.slice(0,3));
const flagged: any[] = [];
const all: any[] = [];
for (const p of rep.touched) {
  const r = await runAudit(db, { year: p.year, periodKind: p.period_kind as any, periodNo: p.period_no, signals: false } as any);
  for (const f of r.findings) { all.push(f); if (f.status === 'flagged') flagged.push(f); }
}
const truth = readTruth(dir);
const s = score(truth as any, flagged);
for (const [k, v] of Object.entries(s)) console.log(k.padEnd(30), JSON.stringify(v));
const want = new Set(truth.filter((t) => t.expect === 'flagged').map((t) => findingKey(t as any)));
const near = new Set(truth.filter((t) => t.expect !== 'flagged').map((t) => findingKey(t as any)));
const got = new Set(flagged.map((f) => findingKey(f)));
const fps = flagged.filter((f) => !want.has(findingKey(f)));
const byRule: Record<string, number> = {};
for (const f of fps) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
console.log('FP by rule', byRule);
const shown: Record<string, number> = {};
for (const f of fps) { shown[f.rule] = (shown[f.rule] ?? 0) + 1; if (shown[f.rule] <= 4) console.log('FP', findingKey(f), '|', f.message); }
for (const t of truth) if (t.expect === 'flagged' && !got.has(findingKey(t as any))) console.log('FN', findingKey(t as any), t.case, '|', t.note);
for (const t of truth) if (t.expect !== 'flagged' && got.has(findingKey(t as any))) console.log('NEAR-MISS FLAGGED', findingKey(t as any), t.case);
for (const t of truth) if (t.expect === 'flagged' && !got.has(findingKey(t as any)) && (t as any).subject_card) {
  const card = (t as any).subject_card;
  console.log('--- FN detail', t.case, card);
  console.log(await db.query(`select r.subject_kind, r.period_year, r.final_level, r.decided_on::varchar d, r.score, u.code, du.code dc, sf.file_name from rating r join person p on p.id=r.person_id left join unit u on u.id=r.unit_id left join unit du on du.id = r.deciding_unit_id join source_file sf on sf.id=r.source_file_id where p.card_no = $c and r.period_year = $y`, { c: card, y: t.year }));
  console.log(await db.query(`select count(*)::int n, list(distinct card_no) from person where name_key = (select name_key from person where card_no = $c)`, { c: card }));
}
