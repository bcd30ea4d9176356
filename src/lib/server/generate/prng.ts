// Seeded randomness for the data generator: sfc32 seeded from a string hash (cyrb128), so every
// district, file and plant draws from its own stream and the same seed writes the same bytes
// whatever the scale or order. Called by every other file of src/lib/server/generate/.

/** cyrb128: four 32-bit words from a string. */
function cyrb128(str: string): [number, number, number, number] {
	let h1 = 1779033703,
		h2 = 3144134277,
		h3 = 1013904242,
		h4 = 2773480762;
	for (let i = 0; i < str.length; i++) {
		const k = str.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	readonly key: string;

	constructor(key: string) {
		this.key = key;
		[this.a, this.b, this.c, this.d] = cyrb128(key);
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A child stream: same parent key + label always gives the same numbers. */
	fork(label: string | number): Rng {
		return new Rng(this.key + '/' + label);
	}

	/** uniform in [0, 1) */
	next(): number {
		let { a, b, c, d } = this;
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		this.a = a;
		this.b = b;
		this.c = c;
		this.d = d;
		return (t >>> 0) / 4294967296;
	}

	/** integer in [lo, hi] */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(arr: readonly T[]): T {
		return arr[Math.floor(this.next() * arr.length)];
	}

	/** Fisher–Yates, in place */
	shuffle<T>(arr: T[]): T[] {
		for (let i = arr.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const t = arr[i];
			arr[i] = arr[j];
			arr[j] = t;
		}
		return arr;
	}

	/** roughly normal (sum of 3 uniforms), mean m, standard deviation s */
	normal(m: number, s: number): number {
		return m + s * 2 * (this.next() + this.next() + this.next() - 1.5);
	}

	/** Poisson count with mean lambda (small lambda) */
	poisson(lambda: number): number {
		const l = Math.exp(-lambda);
		let k = 0;
		let p = 1;
		do {
			k++;
			p *= this.next();
		} while (p > l && k < 50);
		return k - 1;
	}
}

/** Weighted choice with a precomputed cumulative table. */
export class Weighted<T> {
	private cum: Float64Array;
	private total: number;
	constructor(
		readonly items: readonly T[],
		weights: readonly number[]
	) {
		this.cum = new Float64Array(weights.length);
		let s = 0;
		for (let i = 0; i < weights.length; i++) this.cum[i] = s += weights[i];
		this.total = s;
	}
	draw(rng: Rng): T {
		const x = rng.next() * this.total;
		let lo = 0,
			hi = this.cum.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.cum[mid] > x) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo];
	}
}

/** A stable 32-bit hash of a string (for per-file choices). */
export function hash32(s: string): number {
	return cyrb128(s)[0];
}
