/**
 * out[t][j] += scale · Σ_i a[t][i] · b[j][i] on WebAssembly SIMD (f32x4), for the influence
 * gradient's dense products. Plain JS reaches ~0.5 GFLOP/s on them here and tfjs spends more per op
 * in dispatch than in arithmetic at these sizes (see adapterGradient.ts); this kernel is four lanes
 * wide (dot4: four output columns per pass over a row, ~7× the JS loop) with no per-call overhead
 * beyond copying its operands into its memory. The module is a few hundred bytes assembled below
 * (no toolchain in the install), so the encoding is commented.
 */

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};

// Both kernels take (out, a, rows, k, b, cols: i32, scale: f32, j0, j1: i32) and fill columns
// j0 … j1−1; pointers and offsets are in bytes, k is a multiple of 4. Locals from 9 are named below.
const [OUT, A, ROWS, K, B, COLS, SCALE, J0, J1] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const i32c = (n: number) => [0x41, ...uleb(n)];
const [ADD, MUL, GE_U, F32_ADD, F32_MUL] = [0x6a, 0x6c, 0x4f, 0x92, 0x94];
const END = 0x0b;
const v128load = [0xfd, 0x00, 0x04, 0x00];
const f32x4 = {
  add: [0xfd, 0xe4, 0x01],
  mul: [0xfd, 0xe6, 0x01],
  zero: [0x43, 0, 0, 0, 0, 0xfd, 0x13],
  lane: (n: number) => [0xfd, 0x1f, n],
};
/** block { loop { if (x >= limit) break; …body; br loop } } */
// biome-ignore format: wasm byte sequences read best as written
const whileBelow = (x: number, limit: number, body: number[]) => [
  0x02, 0x40, 0x03, 0x40, ...get(x), ...get(limit), GE_U, 0x0d, 1, ...body, 0x0c, 0, END, END,
];
/** out[addr + offset] += scale · (sum of acc's lanes) */
// biome-ignore format: wasm byte sequences read best as written
const accumulate = (addr: number, offset: number, acc: number) => [
  ...get(addr), ...get(addr), 0x2a, 0x02, ...uleb(offset), ...get(SCALE),
  ...get(acc), ...f32x4.lane(0), ...get(acc), ...f32x4.lane(1), F32_ADD,
  ...get(acc), ...f32x4.lane(2), ...get(acc), ...f32x4.lane(3), F32_ADD, F32_ADD,
  F32_MUL, F32_ADD, 0x38, 0x02, ...uleb(offset),
];
/** Row loop shared by both kernels: t over rows, arow = a + t·k·4, end = k·4, j from j0. */
// biome-ignore format: wasm byte sequences read best as written
const overRows = (t: number, j: number, arow: number, end: number, body: number[]) => [
  ...i32c(0), ...set(t),
  ...whileBelow(t, ROWS, [
    ...get(K), ...i32c(4), MUL, ...set(end),
    ...get(A), ...get(t), ...get(end), MUL, ADD, ...set(arow),
    ...get(J0), ...set(j),
    ...whileBelow(j, J1, body),
    ...get(t), ...i32c(1), ADD, ...set(t),
  ]),
];
// biome-ignore format: wasm byte sequences read best as written
const outAddr = (t: number, j: number, addr: number) => [
  ...get(OUT), ...get(t), ...get(COLS), MUL, ...get(j), ADD, ...i32c(4), MUL, ADD, ...set(addr),
];

// dot1: one output column at a time. Locals 9 t, 10 j, 11 i, 12 arow, 13 brow, 14 end, 15 addr, 16 acc.
// biome-ignore format: wasm byte sequences read best as written
const dot1 = [
  2, 7, 0x7f, 1, 0x7b].concat(overRows(9, 10, 12, 14, [
  ...get(B), ...get(10), ...get(14), MUL, ADD, ...set(13),
  ...f32x4.zero, ...set(16),
  ...i32c(0), ...set(11),
  ...whileBelow(11, 14, [
    ...get(16), ...get(12), ...get(11), ADD, ...v128load, ...get(13), ...get(11), ADD, ...v128load,
    ...f32x4.mul, ...f32x4.add, ...set(16),
    ...get(11), ...i32c(16), ADD, ...set(11),
  ]),
  ...outAddr(9, 10, 15), ...accumulate(15, 0, 16),
  ...get(10), ...i32c(1), ADD, ...set(10),
]), [END]);

// dot4: four output columns per pass, each a-vector loaded once for four products.
// Locals 9 t, 10 j, 11 i, 12 arow, 13 end, 14 addr, 15–18 b rows (i32); 19 av, 20–23 acc (v128).
// biome-ignore format: wasm byte sequences read best as written
const bRow = (n: number) => [...get(B), ...get(10), ...i32c(n), ADD, ...get(13), MUL, ADD, ...set(15 + n)];
// biome-ignore format: wasm byte sequences read best as written
const fma = (n: number) => [
  ...get(20 + n), ...get(19), ...get(15 + n), ...get(11), ADD, ...v128load, ...f32x4.mul, ...f32x4.add, ...set(20 + n),
];
// biome-ignore format: wasm byte sequences read best as written
const dot4 = [2, 10, 0x7f, 5, 0x7b].concat(overRows(9, 10, 12, 13, [
  ...bRow(0), ...bRow(1), ...bRow(2), ...bRow(3),
  ...f32x4.zero, ...set(20), ...f32x4.zero, ...set(21), ...f32x4.zero, ...set(22), ...f32x4.zero, ...set(23),
  ...i32c(0), ...set(11),
  ...whileBelow(11, 13, [
    ...get(12), ...get(11), ADD, ...v128load, ...set(19),
    ...fma(0), ...fma(1), ...fma(2), ...fma(3),
    ...get(11), ...i32c(16), ADD, ...set(11),
  ]),
  ...outAddr(9, 10, 14),
  ...accumulate(14, 0, 20), ...accumulate(14, 4, 21), ...accumulate(14, 8, 22), ...accumulate(14, 12, 23),
  ...get(10), ...i32c(4), ADD, ...set(10),
]), [END]);

const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const text = (name: string) => [name.length, ...[...name].map((c) => c.charCodeAt(0))];
const fn = (body: number[]) => [...uleb(body.length), ...body];
// biome-ignore format: wasm byte sequences read best as written
const module = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 9, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7d, 0x7f, 0x7f, 0]), // (i32×6, f32, i32×2) → ()
  ...section(3, [2, 0, 0]),
  ...section(5, [1, 0, 1]), // memory, min 1 page
  ...section(7, [3, ...text('dot1'), 0, 0, ...text('dot4'), 0, 1, ...text('mem'), 2, 0]),
  ...section(10, [2, ...fn(dot1), ...fn(dot4)]),
]);

let instance: {
  dot1: (...args: number[]) => void;
  dot4: (...args: number[]) => void;
  mem: WebAssembly.Memory;
} | null = null;

function kernel() {
  if (!instance) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(module)).exports;
    instance = exports as unknown as NonNullable<typeof instance>;
  }
  return instance;
}

/** addDotRows on SIMD; k must be a multiple of 4. Operands are copied into the module's memory. */
export function simdDotRows(
  out: Float32Array,
  a: Float32Array,
  rows: number,
  k: number,
  b: Float32Array,
  cols: number,
  scale: number,
) {
  const { dot1, dot4, mem } = kernel();
  const aBytes = rows * k * 4;
  const bBytes = cols * k * 4;
  const outBytes = rows * cols * 4;
  const need = aBytes + bBytes + outBytes;
  if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
  const heap = new Float32Array(mem.buffer);
  heap.set(a.subarray(0, rows * k), 0);
  heap.set(b.subarray(0, cols * k), aBytes / 4);
  heap.set(out.subarray(0, rows * cols), (aBytes + bBytes) / 4);
  const cols4 = cols - (cols % 4);
  if (cols4 > 0) dot4(aBytes + bBytes, 0, rows, k, aBytes, cols, scale, 0, cols4);
  if (cols4 < cols) dot1(aBytes + bBytes, 0, rows, k, aBytes, cols, scale, cols4, cols);
  out.set(heap.subarray((aBytes + bBytes) / 4, (aBytes + bBytes) / 4 + rows * cols));
}
