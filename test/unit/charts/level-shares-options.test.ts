// The level-share builder: four Vietnamese-named series stacked to 100% per year, years in order.
import { describe, expect, it } from 'vitest';
import { levelSharesOptions } from '../../../src/lib/charts/level-shares-options';

type S = { name: string; stack: string; data: number[]; type: string };

describe('levelSharesOptions', () => {
	const opt = levelSharesOptions([
		{ year: 2024, counts: { 4: 1, 3: 6, 2: 2, 1: 1 } },
		{ year: 2022, counts: { 4: 2, 3: 2 } }
	]);
	const series = opt.series as S[];

	it('one stacked bar series per level, highest first, with Vietnamese names', () => {
		expect(series.map((s) => s.name)).toEqual([
			'Hoàn thành xuất sắc nhiệm vụ',
			'Hoàn thành tốt nhiệm vụ',
			'Hoàn thành nhiệm vụ',
			'Không hoàn thành nhiệm vụ'
		]);
		expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['levels']));
		expect(series.every((s) => s.type === 'bar')).toBe(true);
	});

	it('years sorted, shares in percent summing to 100 for each year', () => {
		expect((opt.xAxis as { data: string[] }).data).toEqual(['2022', '2024']);
		expect(series.map((s) => s.data[0])).toEqual([50, 50, 0, 0]);
		expect(series.map((s) => s.data[1])).toEqual([10, 60, 20, 10]);
	});

	it('tooltip names the year, the total and each level in vi-VN', () => {
		const f = (opt.tooltip as { formatter: (p: unknown) => string }).formatter;
		const text = f(series.map((_, i) => ({ dataIndex: 1, seriesIndex: i, marker: '' })));
		expect(text).toContain('Năm 2024 — 10 lượt xếp loại');
		expect(text).toContain('Hoàn thành tốt nhiệm vụ: <b>60,0%</b> (6)');
	});

	it('the share axis in vi-VN percent', () => {
		expect((opt.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(37.5)).toBe('37,5%');
	});

	it('a year with nobody rated gives zeros, not NaN', () => {
		const o = levelSharesOptions([{ year: 2023, counts: {} }]);
		expect((o.series as S[]).map((s) => s.data[0])).toEqual([0, 0, 0, 0]);
	});
});
