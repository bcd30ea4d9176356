// The anomaly-rate trend: counts as bars, findings per 100 ratings as a line on a second axis.
import { describe, expect, it } from 'vitest';
import { anomalyTrendOptions, ratePer100 } from '../../../src/lib/charts/anomaly-trend-options';

describe('anomalyTrendOptions', () => {
	const o = anomalyTrendOptions([
		{ year: 2024, findings: 3, ratings: 40 },
		{ year: 2022, findings: 1, ratings: 8 },
		{ year: 2023, findings: 0, ratings: 0 }
	]);
	const series = o.series as Array<{ type: string; data: Array<number | null>; yAxisIndex?: number }>;

	it('years in order, counts as bars, rate as a line on the right axis', () => {
		expect((o.xAxis as { data: string[] }).data).toEqual(['2022', '2023', '2024']);
		expect(series[0]).toMatchObject({ type: 'bar', data: [1, 0, 3] });
		expect(series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [12.5, null, 7.5] });
	});

	it('rate per 100 ratings, null without ratings', () => {
		expect(ratePer100({ year: 1, findings: 1, ratings: 3 })).toBe(33.3);
		expect(ratePer100({ year: 1, findings: 2, ratings: 0 })).toBeNull();
	});

	it('axis labels use a decimal comma', () => {
		const y = (o.yAxis as Array<{ axisLabel?: { formatter: (v: number) => string } }>)[1];
		expect(y.axisLabel!.formatter(12.5)).toBe('12,5');
	});
});
