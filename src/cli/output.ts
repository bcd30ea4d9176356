// One output module for every CLI command: a progress bar on a terminal, plain lines in CI and
// pipes, and the shared argument parser (--flag value, --flag=value, bare files).

export const isTty = Boolean(process.stdout.isTTY) && !process.env.CI;

export function parseArgs(argv: string[]): { flags: Map<string, string | true>; rest: string[] } {
	const flags = new Map<string, string | true>();
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--') continue;
		if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
			else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(a.slice(2), argv[++i]);
			else flags.set(a.slice(2), true);
		} else rest.push(a);
	}
	return { flags, rest };
}

export function flagString(flags: Map<string, string | true>, name: string): string | undefined {
	const v = flags.get(name);
	return typeof v === 'string' ? v : undefined;
}

export function flagInt(flags: Map<string, string | true>, name: string): number | undefined {
	const v = flagString(flags, name);
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n)) fail(`--${name} cần một số nguyên, nhận được "${v}".`);
	return n;
}

/** process.exit once stdout and stderr have taken everything written: a pipe takes 64 KiB at a
 * time, and process.exit drops the rest (`audit --format json | …` lost its findings). */
export function exitWhenFlushed(code: number): void {
	let pending = 2;
	const done = () => --pending === 0 && process.exit(code);
	process.stdout.write('', done);
	process.stderr.write('', done);
}

export function fail(message: string, code = 2): never {
	process.stderr.write(`Lỗi: ${message}\n`);
	process.exit(code);
}

const nf = new Intl.NumberFormat('vi-VN');
export const num = (n: number) => nf.format(n);
export const secs = (s: number) => `${s.toLocaleString('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} giây`;

/** A one-line progress bar on a TTY; a plain line per step elsewhere. */
export function progress(label: string, done: number, total: number, detail = ''): void {
	if (isTty) {
		const width = 24;
		const filled = total ? Math.round((done / total) * width) : 0;
		const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
		process.stdout.write(`\r${label} ${bar} ${done}/${total} ${detail}`.slice(0, process.stdout.columns ?? 120).padEnd(process.stdout.columns ?? 120));
		if (done === total) process.stdout.write('\n');
	} else if (detail) {
		// pipes and CI: a line when the step changes, and at most one every two seconds otherwise
		const step = detail.split(':')[0];
		const now = Date.now();
		if (step !== lastStep || now - lastLine > 2000 || done + 1 === total) {
			process.stdout.write(`${label} [${done + 1}/${total}] ${detail}\n`);
			lastStep = step;
			lastLine = now;
		}
	}
}
let lastStep = '';
let lastLine = 0;

/** Columns padded to their widest cell. */
export function table(head: string[], rows: Array<Array<string | number>>): string {
	const cells = [head, ...rows.map((r) => r.map(String))];
	const w = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
	return cells.map((r) => r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd()).join('\n');
}
