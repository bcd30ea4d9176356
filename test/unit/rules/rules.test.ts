// Runs every case of test/fixtures/rules/<rule>.json: the given rows go into a fresh in-memory
// database, the rule runs under the case's rulebook (and parameter overrides), and the findings
// must be exactly the expected ones. A case's `fails_if` lists parameter changes (a threshold
// moved by one) under which the same expectation must NOT hold: the test is sharp at its boundary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, RuleId } from '../../../src/lib/domain/anomaly';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { fixtureDb, type Given } from '../../helpers/fixture-db';

interface Expected {
	status: 'flagged' | 'exempted';
	/** the fixture's rule unless the case runs several */
	rule?: string;
	unit_code?: string | null;
	subject_ref?: string;
	subject_kind?: string;
	deciding_unit_code?: string | null;
	severity?: string;
	rulebook?: string;
	message?: string;
	message_has?: string[];
	evidence?: Record<string, unknown>;
	source_file?: string | null;
	source_row?: number | null;
	sources?: number;
}
interface Case {
	name: string;
	seed?: string;
	year?: number;
	period?: { kind: 'year' | 'quarter' | 'term'; no: number };
	rulebook?: string;
	params?: Record<string, unknown>;
	rules?: RuleId[];
	given: Given;
	expect: Expected[];
	fails_if?: Array<Record<string, unknown>>;
}
interface Fixture {
	rule: RuleId;
	year: number;
	rulebook?: string;
	given?: Given;
	cases: Case[];
}

const DIR = join(process.cwd(), 'test', 'fixtures', 'rules');

function merge(a: Given = {}, b: Given = {}): Given {
	const out: Given = {};
	for (const k of ['units', 'lineage', 'persons', 'memberships', 'ratings', 'disciplines'] as const)
		(out as Record<string, unknown[]>)[k] = [...((a[k] as unknown[]) ?? []), ...((b[k] as unknown[]) ?? [])];
	return out;
}

function matches(f: Finding, e: Expected): boolean {
	for (const [k, v] of Object.entries(e)) {
		if (k === 'message_has') {
			if (!(v as string[]).every((s) => f.message.includes(s))) return false;
		} else if (k === 'evidence') {
			for (const [ek, ev] of Object.entries(v as Record<string, unknown>))
				if (JSON.stringify(f.evidence[ek]) !== JSON.stringify(ev)) return false;
		} else if (k === 'sources') {
			if (f.sources.length !== v) return false;
		} else if ((f as unknown as Record<string, unknown>)[k] !== v) return false;
	}
	return true;
}

/** Every expected finding matches a distinct actual one, and nothing else was found. */
function sameFindings(actual: Finding[], expected: Expected[]): boolean {
	if (actual.length !== expected.length) return false;
	const used = new Set<number>();
	for (const e of expected) {
		const i = actual.findIndex((f, j) => !used.has(j) && matches(f, e));
		if (i < 0) return false;
		used.add(i);
	}
	return true;
}

const show = (fs: Finding[]) =>
	fs.map((f) => `${f.rule} ${f.status} ${f.unit_code} ${f.subject_ref} [${f.subject_kind}] ${f.message} ${JSON.stringify(f.evidence)}`).join('\n') || '(none)';

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
	const fx = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
	describe(`${fx.rule} (${file})`, () => {
		for (const c of fx.cases) {
			it(c.name, async () => {
				const year = c.year ?? fx.year;
				const db = await fixtureDb(merge(fx.given, c.given), { year });
				const run = (overrides: Record<string, unknown> = {}) =>
					runAudit(db, {
						year,
						periodKind: c.period?.kind,
						periodNo: c.period?.no,
						rulebook: c.rulebook ?? fx.rulebook,
						overrides: { ...c.params, ...overrides },
						rules: c.rules ?? [fx.rule],
						signals: false
					});
				try {
					const result = await run();
					expect(sameFindings(result.findings, c.expect), `findings:\n${show(result.findings)}`).toBe(true);
					for (const moved of c.fails_if ?? []) {
						const other = await run(moved);
						expect(sameFindings(other.findings, c.expect), `still passes with ${JSON.stringify(moved)}:\n${show(other.findings)}`).toBe(false);
					}
				} finally {
					db.close();
				}
			});
		}
	});
}
