// npm run generate -- --scale small|province|national --years 2019-2026 --seed N --out DIR
//   [--members N] [--plant-rate P] [--no-mess] [--provinces 70,75] [--workers N]
// Thin over src/lib/server/generate: writes the five file kinds as units send them, truth.jsonl
// (every planted case) and invalid.jsonl (the rows made invalid on purpose) into DIR.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/server/db';
import { generate, type Scale } from '../lib/server/generate';
import { fail, flagInt, flagString, num, parseArgs, progress, secs, table } from './output';

function years(spec: string): number[] {
	const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(spec.trim());
	if (!m) fail(`--years "${spec}" không hợp lệ: dùng 2019-2026 hoặc 2024.`);
	const a = Number(m[1]);
	const b = m[2] ? Number(m[2]) : a;
	if (a < 2019 || b > 2026 || b < a) fail('--years phải nằm trong 2019–2026.');
	return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

async function main() {
	const { flags } = parseArgs(process.argv.slice(2));
	if (flags.has('help')) {
		console.log('Cách dùng: npm run generate -- --scale small|province|national --years 2019-2026 --seed N --out THƯ_MỤC [--members N] [--plant-rate P] [--no-mess]');
		return;
	}
	const scale = (flagString(flags, 'scale') ?? 'small') as Scale;
	if (!['small', 'province', 'national'].includes(scale)) fail(`--scale "${scale}" không hợp lệ: small, province hoặc national.`);
	const out = flagString(flags, 'out') ?? join(ROOT, 'data', 'demo');
	const ys = years(flagString(flags, 'years') ?? '2019-2026');
	const seed = flagString(flags, 'seed') ?? '1';
	const rate = flagString(flags, 'plant-rate');
	// start from an empty directory, but only ever remove one the generator wrote before
	if (existsSync(out) && readdirSync(out).length) {
		if (!existsSync(join(out, 'manifest.json'))) fail(`Thư mục ${out} không trống và không phải dữ liệu sinh trước đó: chọn --out khác.`);
		rmSync(out, { recursive: true, force: true });
	}
	console.log(`Sinh dữ liệu mức ${scale}, năm ${ys[0]}–${ys[ys.length - 1]}, hạt giống ${seed}, vào ${out}`);
	const t0 = performance.now();
	const s = await generate({
		scale,
		years: ys,
		seed,
		out,
		members: flagInt(flags, 'members'),
		plantRate: rate !== undefined ? Number(rate) : undefined,
		provinces: flagString(flags, 'provinces')?.split(','),
		workers: flagInt(flags, 'workers'),
		mess: flags.has('no-mess')
			? { xlsx: 0, nfd: 0, semicolonBom: 0, utf8Bom: 0, cp1258: 0, tcvn3: 0, vni: 0, xlsxLegacy: 0, bareBirthYear: 0, noCard: 0, cardDots: 0, lowerLevels: 0, stray: 0 }
			: undefined,
		onProgress: (e) => progress('Sinh dữ liệu', e.done, e.total, e.label)
	});
	const seconds = (performance.now() - t0) / 1000;
	console.log();
	const KIND_VI: Record<string, string> = {
		registry: 'Danh mục đơn vị',
		roster: 'Danh sách đảng viên',
		rating: 'Danh sách xếp loại',
		civil_servant: 'Xếp loại CBCCVC',
		discipline: 'Sổ kỷ luật',
		invalid: 'Tệp lỗi cố ý'
	};
	console.log(table(['Loại tệp', 'Số tệp', 'Số dòng'], Object.entries(s.byKind).map(([k, v]) => [KIND_VI[k] ?? k, num(v.files), num(v.rows)])));
	console.log();
	console.log(
		table(
			['Năm', 'Đảng viên', 'Tổ chức đảng', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
			ys.map((y) => {
				const sh = s.sharesByYear[y] ?? [0, 0, 0, 0];
				const pct = (x: number) => `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
				return [y, num(s.membersByYear[y] ?? 0), num(s.orgsByYear[y] ?? 0), pct(sh[0]), pct(sh[1]), pct(sh[2]), pct(sh[3])];
			})
		)
	);
	console.log(`\n${num(s.districts)} huyện, ${num(s.files)} tệp, ${num(s.rows)} dòng, ${num(Math.round(s.bytes / 1e6))} MB trong ${secs(seconds)}.`);
	console.log(`truth.jsonl: ${num(s.truth.flagged)} trường hợp phải bị phát hiện, ${num(s.truth.notFlagged)} trường hợp cận biên không được phát hiện.`);
	console.log(`invalid.jsonl: ${s.invalidFiles.length} tệp chứa dòng lỗi cố ý (${s.invalidFiles.join(', ')}).`);
	if (s.missingKinds.length) console.log(`Chưa cài được: ${s.missingKinds.join(', ')}.`);
	if (s.baselineFindings.length) {
		console.log(`Cảnh báo: dữ liệu nền còn ${s.baselineFindings.length} phát hiện ngoài dự kiến, ví dụ:`);
		for (const f of s.baselineFindings.slice(0, 5)) console.log(`  - ${f}`);
	}
}

main().catch((e) => fail(e?.stack ?? String(e), 1));
