// A worker thread of the generator (national scale, two cores): runs the groups it is given, writes
// their files, and sends each group's truth, registry rows and counts back to index.ts, which puts
// them together in group order so the output does not depend on the threads.
import { parentPort, workerData } from 'node:worker_threads';
import { ROOT } from '$lib/server/db';
import { registryChunk, runGroups, settings } from './index';
import { layout, type GenerateOptions } from './layout';
import { Sink } from './writers';

const { opts, groups } = workerData as { opts: GenerateOptions; groups: number[] };
const s = settings(opts);
const all = layout(opts, ROOT);
const sink = new Sink(opts.out);
await runGroups(
	s,
	groups.map((gi) => all[gi]),
	sink,
	(r) => {
		const chunk = registryChunk(s, r.units);
		parentPort!.postMessage({ type: 'group', result: { ...r, units: [], regRows: r.units.length, chunk } });
	},
	(label) => parentPort!.postMessage({ type: 'district', label })
);
parentPort!.postMessage({ type: 'done', counts: { files: sink.files, rows: sink.rows, bytes: sink.bytes, byKind: sink.byKind } });
