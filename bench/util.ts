// Small helpers shared by the benchmarks: timing, peak memory, and aligned figures.
import { num, secs } from '../src/cli/output';

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
	const t0 = performance.now();
	const value = await fn();
	return { value, seconds: (performance.now() - t0) / 1000 };
}

/** Peak resident memory of this process so far, in MB (getrusage maxrss). */
export function peakMb(): number {
	return process.resourceUsage().maxRSS / 1024;
}

export function line(label: string, value: string): void {
	console.log(`${label.padEnd(44)} ${value}`);
}

export const rate = (rows: number, seconds: number) => `${num(Math.round(rows / seconds))} dòng/giây`;
export { num, secs };
