// Colours shared by charts and badges: one per rating level (dark green → red, highest first),
// and the two finding statuses. Kept apart so the table badges and the charts agree.
export const LEVEL_COLORS: Record<number, string> = {
	4: '#1b7f4c', // Hoàn thành xuất sắc nhiệm vụ
	3: '#5aa9e6', // Hoàn thành tốt nhiệm vụ
	2: '#f0b429', // Hoàn thành nhiệm vụ
	1: '#d64545' // Không hoàn thành nhiệm vụ
};

export const FLAGGED_COLOR = '#c0392b';
export const EXEMPTED_COLOR = '#a0aec0';
export const ACCENT = '#9b1c1c';
export const TEXT = '#1f2933';
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
