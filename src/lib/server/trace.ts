// GIAMSAT_TRACE=1: the seconds each step of an ingest or an audit took, on stderr (README).
export function trace(step: string, t0: number): void {
	if (process.env.GIAMSAT_TRACE) process.stderr.write(`  ${step}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
}
