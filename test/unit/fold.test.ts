// fold() (src/lib/domain/anomaly.ts): the key header search and the rules' wording compare names by —
// accents and đ gone, lower case, single spaces — the same for text typed composed (NFC) or
// decomposed (NFD), and for any other letter.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/domain/anomaly';

// each Vietnamese vowel with its five tone marks, and the letter it folds to
const VOWELS: Array<[string, string]> = [
	['a', 'a'], ['ă', 'a'], ['â', 'a'], ['e', 'e'], ['ê', 'e'], ['i', 'i'],
	['o', 'o'], ['ô', 'o'], ['ơ', 'o'], ['u', 'u'], ['ư', 'u'], ['y', 'y']
];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

describe('fold', () => {
	it('folds every Vietnamese vowel with every tone, both cases, NFC and NFD, and đ', () => {
		for (const [vowel, base] of VOWELS)
			for (const tone of TONES)
				for (const letter of [vowel, vowel.toUpperCase()]) {
					const nfc = (letter + tone).normalize('NFC');
					expect(fold(`x${nfc}x`), nfc).toBe(`x${base}x`);
					expect(fold(`x${nfc.normalize('NFD')}x`), nfc).toBe(`x${base}x`);
				}
		expect(fold('ĐẶNG Đức đạt')).toBe('dang duc dat');
	});

	it('trims and collapses every kind of white space, non-breaking spaces included', () => {
		// (ASCII white space only: the char-table path collapses it; a non-breaking or em space: the full path)
		expect(fold(' Nguyễn  Văn\t\tAn\r\n')).toBe('nguyen van an');
		expect(fold('Trần Thị Ánh')).toBe('tran thi anh');
		expect(fold('  Nguyễn\u00a0 Văn\t\tAn \r\n')).toBe('nguyen van an');
		expect(fold('Lê  Thị\u2003Hoa')).toBe('le thi hoa');
		expect(fold('Chi bộ thôn 1')).toBe('chi bo thon 1');
		expect(fold('')).toBe('');
	});

	it('look-alikes fold as what they look like: the eth Ð/ð as đ, zero-width characters as nothing', () => {
		expect(fold('Ðặng Ðình ðạt')).toBe('dang dinh dat');
		expect(fold('\u200bBùi\u200c Minh\u200d Anh\u2060\ufeff')).toBe('bui minh anh');
		expect(fold('Chi bộ \u200b thôn 1')).toBe('chi bo thon 1');
	});

	it('other letters fold as Unicode decomposes them (ß and Greek kept, ñ and ç lose their marks)', () => {
		expect(fold('Muñoz Çelik Straße ΣΟΦΙΑ')).toBe('munoz celik straße σοφια');
	});
});
