// The generator at small scale: same seed, same bytes; level shares inside the configured ranges;
// every rule and every near-miss kind planted, with truth lines shaped like findingKey(); a
// baseline the generator's own audit finds clean; an invalid-row manifest that names real files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingKey, RULES, type FindingKey } from '$lib/domain/anomaly';
import { generate, type GenerateSummary } from '$lib/server/generate';
import { KINDS } from '$lib/server/generate/plant';
import type { Truth } from '$lib/server/generate/types';
import { tempDir } from '../../helpers/files';

/** The ranges the issue asks for (member ratings of the year round). */
export const SHARE_RANGES = { excellent: [0.1, 0.2], good: [0.65, 0.8], complete: [0.05, 0.15], incomplete: [0.005, 0.03] } as const;

function readTruth(dir: string): Truth[] {
	return readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('generate: determinism', () => {
	it('the same seed writes byte-identical files', async () => {
		const a = tempDir('gen-a-');
		const b = tempDir('gen-b-');
		await generate({ scale: 'small', years: [2024, 2025], seed: 42, out: a });
		await generate({ scale: 'small', years: [2024, 2025], seed: 42, out: b });
		const fa = readdirSync(a).sort();
		expect(readdirSync(b).sort()).toEqual(fa);
		expect(fa.length).toBeGreaterThan(50);
		for (const f of fa) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
	});

	it('worker threads do not change the bytes (national, two merged provinces)', async () => {
		const a = tempDir('gen-w1-');
		const b = tempDir('gen-w2-');
		const opts = { scale: 'national' as const, years: [2025], seed: 5, provinces: ['70', '42'], members: 400_000 };
		const s1 = await generate({ ...opts, out: a, workers: 1 });
		const s2 = await generate({ ...opts, out: b, workers: 2 });
		expect(s2.workers).toBe(2);
		expect(s1.files).toBe(s2.files);
		const fa = readdirSync(a).sort();
		expect(readdirSync(b).sort()).toEqual(fa);
		for (const f of fa) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
	});

	it('another seed writes other data', async () => {
		const a = tempDir('gen-c-');
		const s = await generate({ scale: 'small', years: [2024], seed: 43, out: a });
		const b = tempDir('gen-d-');
		await generate({ scale: 'small', years: [2024], seed: 44, out: b });
		expect(s.files).toBeGreaterThan(10);
		expect(readFileSync(join(a, 'truth.jsonl'), 'utf8')).not.toEqual(readFileSync(join(b, 'truth.jsonl'), 'utf8'));
	});
});

describe('generate: small, 2019–2026', () => {
	let dir: string;
	let s: GenerateSummary;
	let truth: Truth[];
	beforeAll(async () => {
		dir = tempDir('gen-small-');
		s = await generate({ scale: 'small', years: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], seed: 1, out: dir });
		truth = readTruth(dir);
	});

	it('is one district of two to five thousand members, with every file kind', () => {
		expect(s.districts).toBe(1);
		for (const y of s.years) {
			expect(s.membersByYear[y]).toBeGreaterThan(2000);
			expect(s.membersByYear[y]).toBeLessThan(5200);
		}
		for (const k of ['registry', 'roster', 'rating', 'civil_servant', 'discipline']) expect(s.byKind[k]?.files, k).toBeGreaterThan(0);
		const names = readdirSync(dir);
		expect(names.some((f) => f.endsWith('.xlsx'))).toBe(true);
		expect(names.some((f) => f.endsWith('.csv'))).toBe(true);
	});

	it('level shares stay inside the configured ranges every year, and drift', () => {
		const [lo, hi] = [0, 1];
		for (const y of s.years) {
			const [e, g, c, i] = s.sharesByYear[y];
			expect(e, `excellent ${y}`).toBeGreaterThanOrEqual(SHARE_RANGES.excellent[lo]);
			expect(e, `excellent ${y}`).toBeLessThanOrEqual(SHARE_RANGES.excellent[hi]);
			expect(g, `good ${y}`).toBeGreaterThanOrEqual(SHARE_RANGES.good[lo]);
			expect(g, `good ${y}`).toBeLessThanOrEqual(SHARE_RANGES.good[hi]);
			expect(c, `complete ${y}`).toBeGreaterThanOrEqual(SHARE_RANGES.complete[lo]);
			expect(c, `complete ${y}`).toBeLessThanOrEqual(SHARE_RANGES.complete[hi]);
			expect(i, `incomplete ${y}`).toBeGreaterThanOrEqual(SHARE_RANGES.incomplete[lo]);
			expect(i, `incomplete ${y}`).toBeLessThanOrEqual(SHARE_RANGES.incomplete[hi]);
		}
		const exc = s.years.map((y) => s.sharesByYear[y][0]);
		expect(new Set(exc.map((x) => x.toFixed(4))).size).toBeGreaterThan(1);
	});

	it('the baseline is clean under the generator’s own audit', () => {
		expect(s.baselineFindings).toEqual([]);
	});

	it('plants every rule R1–R10, flagged, and every near-miss kind', () => {
		expect(s.missingKinds).toEqual([]);
		for (const rule of Object.keys(RULES)) expect(truth.some((t) => t.rule === rule && t.expect === 'flagged'), rule).toBe(true);
		const cases = new Set(truth.map((t) => t.case));
		for (const k of KINDS) expect(cases.has(k.id), k.id).toBe(true);
		for (const nearMiss of ['exactly_20_percent', 'small_unit_exception', 'six_months_to_the_day', 'discipline_previous_year', 'self_remedied', 'namesake'])
			expect(truth.some((t) => t.case === nearMiss && t.expect === 'not_flagged'), nearMiss).toBe(true);
	});

	it('truth lines carry the finding key and the subject', () => {
		const keys = new Set<string>();
		for (const t of truth) {
			expect(RULES[t.rule as keyof typeof RULES].no).toBe(t.rule_no);
			expect(['year', 'quarter', 'term']).toContain(t.period_kind);
			expect(t.unit_code).toMatch(/^[A-Z]{1,3}\d+M?$/);
			expect(t.subject_ref).toMatch(/^(unit:[A-Z]+\d+|group:(unit|decider)|\d{8})$/);
			if (/^\d{8}$/.test(t.subject_ref)) {
				expect(t.subject_card).toBe(t.subject_ref);
				expect(t.subject_name).toBeTruthy();
				expect(t.subject_birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
			const k = findingKey(t as unknown as FindingKey);
			expect(keys.has(k), k).toBe(false);
			keys.add(k);
		}
		expect(truth.filter((t) => t.expect === 'flagged').length).toBeGreaterThanOrEqual(10);
	});

	it('lists the deliberately invalid rows with the file, row, column and error', () => {
		const lines = readFileSync(join(dir, 'invalid.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
		expect(lines.length).toBeGreaterThanOrEqual(4);
		for (const l of lines) {
			expect(existsSync(join(dir, l.file))).toBe(true);
			expect(l.row).toBeGreaterThanOrEqual(2);
			expect(l.column).toBeTruthy();
			expect(['unknown_level', 'no_name', 'impossible_date', 'unknown_unit', 'unknown_status']).toContain(l.error);
		}
		for (const e of ['unknown_level', 'no_name', 'impossible_date', 'unknown_unit']) expect(lines.some((l) => l.error === e), e).toBe(true);
	});

	it('covers the 2025 reorganisation: districts dissolved, communes merged under the merged province', () => {
		const reg = readdirSync(dir).find((f) => f.startsWith('danh-muc-don-vi'))!;
		expect(reg).toBeTruthy();
		expect(readdirSync(dir).some((f) => f.startsWith('2025_XLTC_T75M'))).toBe(true);
		expect(readdirSync(dir).some((f) => f.startsWith('2024_XLTC_H7005'))).toBe(true);
		expect(readdirSync(dir).some((f) => f.startsWith('2025_XLTC_H7005'))).toBe(false);
		expect(truth.some((t) => t.case === 'reorganised_2025_not_new' && t.year === 2025 && t.unit_code.startsWith('XA'))).toBe(true);
	});
});
