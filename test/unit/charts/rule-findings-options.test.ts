// Findings by rule: all ten rules in R-order with Vietnamese titles, flagged and exempted stacked.
import { describe, expect, it } from 'vitest';
import { ruleFindingsOptions, ruleLabel } from '../../../src/lib/charts/rule-findings-options';

describe('ruleFindingsOptions', () => {
	const o = ruleFindingsOptions([
		{ rule: 'sick_leave_cap', flagged: 2, exempted: 0 },
		{ rule: 'excellent_cap', flagged: 3, exempted: 1 }
	]);
	const labels = (o.yAxis as { data: string[] }).data;
	const series = o.series as Array<{ name: string; data: number[]; stack: string }>;

	it('lists R1..R10 in order, each with its Vietnamese title', () => {
		expect(labels).toHaveLength(10);
		expect(labels[0]).toBe('R1 · Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ');
		expect(labels[5]).toBe('R6 · Nghỉ ốm từ 3 tháng nhưng xếp loại tốt trở lên');
		expect(labels[9].startsWith('R10 · ')).toBe(true);
	});

	it('flagged and exempted counts stacked, zero for rules without findings', () => {
		expect(series.map((s) => s.name)).toEqual(['Phát hiện', 'Miễn trừ']);
		expect(series[0].stack).toBe(series[1].stack);
		expect(series[0].data).toEqual([3, 0, 0, 0, 0, 2, 0, 0, 0, 0]);
		expect(series[1].data).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('no exempted series when nothing was exempted', () => {
		const o2 = ruleFindingsOptions([{ rule: 'excellent_cap', flagged: 2 }]);
		expect((o2.series as Array<{ name: string }>).map((s) => s.name)).toEqual(['Phát hiện']);
	});

	it('the count axis in vi-VN numbers ("6.000", not "6,000")', () => {
		expect((o.xAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(6000)).toBe('6.000');
	});

	it('an unknown rule id is shown as is', () => {
		expect(ruleLabel('new_rule')).toBe('new_rule');
	});
});
