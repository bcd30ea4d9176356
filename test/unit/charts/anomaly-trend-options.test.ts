// The anomaly-rate trend: counts as bars, the share of units with findings as a line on a second axis.
import { describe, expect, it } from 'vitest';
import { anomalyTrendOptions, unitRate } from '../../../src/lib/charts/anomaly-trend-options';

describe('anomalyTrendOptions', () => {
	const o = anomalyTrendOptions([
		{ year: 2024, findings: 3, units: 40, unitsWithFindings: 3 },
		{ year: 2022, findings: 5, units: 8, unitsWithFindings: 1 },
		{ year: 2023, findings: 0, units: 0, unitsWithFindings: 0 }
	]);
	const series = o.series as Array<{ type: string; name: string; data: Array<number | null>; yAxisIndex?: number; tooltip: { valueFormatter: (v: unknown) => string } }>;

	it('years in order, counts as bars, unit rate as a line on the right axis', () => {
		expect((o.xAxis as { data: string[] }).data).toEqual(['2022', '2023', '2024']);
		expect(series[0]).toMatchObject({ type: 'bar', name: 'Số phát hiện', data: [5, 0, 3] });
		expect(series[1]).toMatchObject({ type: 'line', name: 'Tỷ lệ đơn vị có phát hiện', yAxisIndex: 1, data: [12.5, null, 7.5] });
	});

	it('unit rate in percent, null without units', () => {
		expect(unitRate({ year: 1, findings: 1, units: 3, unitsWithFindings: 1 })).toBe(33.3);
		expect(unitRate({ year: 1, findings: 2, units: 0, unitsWithFindings: 0 })).toBeNull();
	});

	it('labels and tooltips use vi-VN percentages', () => {
		const [count, y] = o.yAxis as Array<{ axisLabel?: { formatter: (v: number) => string } }>;
		expect(y.axisLabel!.formatter(12)).toBe('12%');
		expect(y.axisLabel!.formatter(12.5)).toBe('12,5%');
		expect(count.axisLabel!.formatter(6000)).toBe('6.000');
		expect(series[1].tooltip.valueFormatter(12.5)).toBe('12,5%');
		expect(series[1].tooltip.valueFormatter(null)).toBe('—');
	});
});
