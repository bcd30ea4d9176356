// The locality ranking: highest excellent share first, empty localities dropped, labels in vi-VN.
import { describe, expect, it } from 'vitest';
import { LOCALITY_BARS_SHOWN, localityChartHeight, localityExcellentOptions, rankLocalities } from '../../../src/lib/charts/locality-excellent-options';

describe('localityExcellentOptions', () => {
	const rows = [
		{ name: 'Minh Hưng', excellent: 1, rated: 10 },
		{ name: 'Đoàn Kết', excellent: 3, rated: 12 },
		{ name: 'Bù Đăng', excellent: 0, rated: 0 },
		{ name: 'Bom Bo', excellent: 1, rated: 10 }
	];

	it('ranks by share, ties by Vietnamese name order, drops localities with nobody rated', () => {
		expect(rankLocalities(rows).map((r) => r.name)).toEqual(['Đoàn Kết', 'Bom Bo', 'Minh Hưng']);
	});

	it('category axis top-down in rank order, values in percent with one decimal', () => {
		const o = localityExcellentOptions(rows);
		expect((o.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['Đoàn Kết', 'Bom Bo', 'Minh Hưng']);
		expect((o.yAxis as { inverse: boolean }).inverse).toBe(true);
		const s = (o.series as Array<{ data: number[]; label: { formatter: (p: { value: number }) => string } }>)[0];
		expect(s.data).toEqual([25, 10, 10]);
		expect(s.label.formatter({ value: 25 })).toBe('25,0%');
		expect((o.xAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(12.5)).toBe('12,5%');
	});

	it('tooltip shows the count behind the share', () => {
		const o = localityExcellentOptions(rows);
		const f = (o.tooltip as { formatter: (p: { dataIndex: number }) => string }).formatter;
		expect(f({ dataIndex: 0 })).toBe('Đoàn Kết<br/>HTXSNV: 3 / 12 = <b>25,0%</b>');
	});

	it('height grows with the number of bars, up to the bars shown at once', () => {
		expect(localityChartHeight(1)).toBe(200);
		expect(localityChartHeight(20)).toBe(600);
		expect(localityChartHeight(500)).toBe(40 + LOCALITY_BARS_SHOWN * 28);
	});

	it('a hundred communes: every one ranked, the first 30 shown, the rest by scrolling', () => {
		const many = Array.from({ length: 100 }, (_, i) => ({ name: `Xã ${i + 1}`, excellent: i, rated: 100 }));
		const o = localityExcellentOptions(many);
		expect((o.yAxis as { data: string[] }).data).toHaveLength(100);
		expect(o.dataZoom).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 29 })]));
		expect(localityExcellentOptions(rows).dataZoom).toBeUndefined();
	});
});
