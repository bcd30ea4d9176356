// npm run bench -- generate [--scale national|province|small] [--year 2025] [--seed 1] [--workers N] [--keep DIR]
// Generates one year (national by default: ~5.5 million members, ~300 thousand organisations) and
// prints rows per second, files and bytes, and the peak memory of the process (VmHWM, which
// counts the worker threads; RSS sampled every 200 ms beside it). Target: under 3 minutes and
// 2 GB on two cores. The output goes to a temporary directory, removed afterwards unless --keep.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type Scale } from '../src/lib/server/generate';
import { flagInt, flagString, parseArgs } from '../src/cli/output';
import { tempDir } from '../test/helpers/files';
import { line, num, rate, secs } from './util';

/** Peak resident memory of the process in MB: VmHWM from /proc (threads included), else rusage. */
function vmHwmMb(): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		if (m) return Number(m[1]) / 1024;
	} catch {
		/* not Linux */
	}
	return process.resourceUsage().maxRSS / 1024;
}

export async function benchGenerate(argv: string[]): Promise<void> {
	const { flags } = parseArgs(argv);
	const scale = (flagString(flags, 'scale') ?? 'national') as Scale;
	const year = flagInt(flags, 'year') ?? 2025;
	const keep = flagString(flags, 'keep');
	const out = keep ?? join(tempDir('giamsat-gen-'), 'data');
	let sampled = 0;
	const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss / 1048576)), 200);
	console.log(`Sinh dữ liệu mức ${scale}, năm ${year}, vào ${out}…`);
	const t0 = performance.now();
	const s = await generate({ scale, years: [year], seed: flagString(flags, 'seed') ?? '1', out, workers: flagInt(flags, 'workers') });
	const seconds = (performance.now() - t0) / 1000;
	clearInterval(timer);
	const peak = Math.max(vmHwmMb(), sampled);
	line('Huyện (cũ) / luồng', `${num(s.districts)} / ${s.workers}`);
	line('Đảng viên / tổ chức đảng', `${num(s.membersByYear[year] ?? 0)} / ${num(s.orgsByYear[year] ?? 0)}`);
	line('Tệp / dòng / dung lượng', `${num(s.files)} / ${num(s.rows)} / ${num(Math.round(s.bytes / 1e6))} MB`);
	line('Thời gian', `${secs(seconds)} (mục tiêu < 180 giây)`);
	line('Tốc độ', rate(s.rows, seconds));
	line('Bộ nhớ đỉnh (VmHWM, gồm các luồng)', `${num(Math.round(peak))} MB (mục tiêu < 2.048 MB)`);
	line('Trường hợp cài sẵn (truth.jsonl)', `${num(s.truth.flagged)} phải phát hiện, ${num(s.truth.notFlagged)} cận biên`);
	if (!keep) rmSync(out, { recursive: true, force: true });
}
