// Generated small data through the real ingest: every file loads with zero refused rows, except the
// files of deliberately invalid rows, which are refused with exactly the errors invalid.jsonl
// lists; then the audit finds every planted case of truth.jsonl and flags no near-miss.
// Years: GIAMSAT_GEN_YEARS (default 2024-2025: QĐ 124 and QĐ 366, and the 2025 reorganisation);
// set it to 2019-2026 for the whole demo range (about five minutes of ingest on two cores).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingKey, type FindingKey } from '$lib/domain/anomaly';
import { getDb, type Db } from '$lib/server/db';
import { generate } from '$lib/server/generate';
import { alnumKey } from '$lib/server/ingest/fields';
import { ingestFiles, type IngestReport } from '$lib/server/ingest';
import { runAudit } from '$lib/server/rules/runner';
import { tempDir } from '../helpers/files';

const spec = process.env.GIAMSAT_GEN_YEARS ?? '2024-2025';
const [y0, y1] = spec.split('-').map(Number);
const YEARS = Array.from({ length: (y1 || y0) - y0 + 1 }, (_, i) => y0 + i);

interface Invalid {
	file: string;
	row: number;
	column: string;
	field: string;
	value: string;
	error: string;
}

describe(`generated small data (${spec}) through the ingest`, () => {
	let dir: string;
	let db: Db;
	let report: IngestReport;
	let invalid: Invalid[];

	beforeAll(async () => {
		dir = tempDir('gen-ingest-');
		await generate({ scale: 'small', years: YEARS, seed: 7, out: dir });
		invalid = readFileSync(join(dir, 'invalid.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
		db = await getDb(':memory:');
		const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => join(dir, f));
		report = await ingestFiles(db, files, { audit: false });
	}, 1_800_000);

	it('loads every file with zero refused rows, except the deliberately invalid ones', () => {
		const bad = new Set(invalid.map((i) => i.file));
		const name = (p: string) => p.split('/').pop()!;
		const unexpected = report.files.filter((f) => !bad.has(name(f.path)) && (f.status !== 'loaded' || f.errorCount > 0));
		expect(unexpected.map((f) => `${name(f.path)}: ${f.message ?? ''} ${JSON.stringify(f.errors.slice(0, 3))}`)).toEqual([]);
		expect(report.files.length).toBeGreaterThan(100);
	});

	it('refuses the invalid files with exactly the rows and columns invalid.jsonl lists', () => {
		for (const file of new Set(invalid.map((i) => i.file))) {
			const f = report.files.find((r) => r.path.endsWith(`/${file}`));
			expect(f, file).toBeTruthy();
			expect(f!.status, file).toBe('refused');
			const got = f!.errors.map((e) => `${e.row}|${alnumKey(e.column)}`).sort();
			const want = invalid.filter((i) => i.file === file).map((i) => `${i.row}|${alnumKey(i.column)}`).sort();
			expect(got, file).toEqual(want);
		}
	});

	it('the audit finds every planted case and flags no near-miss', async () => {
		const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as FindingKey & { expect: string; case: string });
		const flagged = new Set<string>();
		for (const p of report.touched) {
			const r = await runAudit(db, { year: p.year, periodKind: p.period_kind as FindingKey['period_kind'], periodNo: p.period_no, signals: false });
			for (const f of r.findings) if (f.status === 'flagged') flagged.add(findingKey(f as unknown as FindingKey));
		}
		const missed = truth.filter((t) => t.expect === 'flagged' && !flagged.has(findingKey(t))).map((t) => `${findingKey(t)} (${t.case})`);
		const nearMissFlagged = truth.filter((t) => t.expect === 'not_flagged' && flagged.has(findingKey(t))).map((t) => `${findingKey(t)} (${t.case})`);
		expect(missed).toEqual([]);
		expect(nearMissFlagged).toEqual([]);
	}, 600_000);
});
