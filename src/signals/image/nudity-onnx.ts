/**
 * The nsfwjs graph model (MobileNetV2Mid, the default) as an ONNX model for onnxruntime, built in
 * memory from the weights bundled in the nsfwjs package (nothing is downloaded or written).
 *
 * Why: TensorFlow.js's WebAssembly backend runs the network with 128-bit SIMD, ~50–60 ms per
 * 224×224 image on this kind of machine; onnxruntime (native, the same runtime as OCR) runs the
 * same graph, same weights, in a fraction of that (see `bench/media.mjs`).
 *
 * How: the TensorFlow graph in nsfwjs's `model.json` is translated node by node — it uses only
 * `_FusedConv2D` and `FusedDepthwiseConv2dNative` (bias, optional ReLU6; SAME padding),
 * `AddV2`, the input's `Mul`/`Sub` scaling, `AvgPool`, `Squeeze`, `_FusedMatMul` (bias) and
 * `Softmax`. The weights are de-quantised exactly as TensorFlow.js does (`q · scale + min` rounded
 * to float32). A graph with any other operation is refused (the caller falls back to
 * TensorFlow.js), as are the layers models (MobileNetV2, InceptionV3). The input is the image as
 * TensorFlow.js feeds it: NHWC float32 pixels / 255; the output is the five softmax scores in
 * nsfwjs's class order (Drawing, Hentai, Neutral, Porn, Sexy).
 */
/** nsfwjs's class index → name (its `NSFW_CLASSES`). */
export const NSFW_CLASS_ORDER = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;

interface TfTensorShape {
  dim?: { size?: string }[];
}
interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, { list?: { i?: string[]; s?: string[] }; s?: string; b?: boolean; shape?: TfTensorShape }>;
}
interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { min?: number; scale?: number; dtype: string };
}
interface ModelJson {
  format?: string;
  modelTopology: { node?: TfNode[] };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}
interface BundledModel {
  modelJson: () => Promise<ModelJson & { default?: ModelJson }>;
  weightBundles: (() => Promise<{ default: string }>)[];
}

const BUNDLES: Record<string, { module: string; export: string }> = {
  MobileNetV2Mid: { module: 'nsfwjs/models/mobilenet_v2_mid', export: 'MobileNetV2MidModel' },
};

/** Thrown for a model this translator does not handle (the caller uses TensorFlow.js instead). */
export class UnsupportedGraphError extends Error {}

// ------------------------------------------------------------------ protobuf (ONNX) writer

class Pb {
  private parts: Uint8Array[] = [];
  private size = 0;
  private push(b: Uint8Array): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }
  private varint(v: number | bigint): this {
    let x = BigInt.asUintN(64, BigInt(v));
    const out: number[] = [];
    while (x >= 0x80n) {
      out.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    out.push(Number(x));
    return this.push(Uint8Array.from(out));
  }
  int(field: number, v: number): this {
    return this.varint(field << 3).varint(v);
  }
  bytes(field: number, b: Uint8Array): this {
    return this.varint((field << 3) | 2)
      .varint(b.length)
      .push(b);
  }
  str(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Pb): this {
    return this.bytes(field, m.finish());
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.varint((field << 3) | 5).push(b);
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

const FLOAT = 1;

function tensorProto(name: string, dims: number[], data: Float32Array, type: number): Pb {
  const t = new Pb();
  for (const d of dims) t.int(1, d);
  t.int(2, type).str(8, name);
  return t.bytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

type Attr = { name: string; ints?: number[]; int?: number; float?: number };

function nodeProto(op: string, inputs: string[], outputs: string[], name: string, attrs: Attr[] = []): Pb {
  const n = new Pb();
  for (const i of inputs) n.str(1, i);
  for (const o of outputs) n.str(2, o);
  n.str(3, name).str(4, op);
  for (const a of attrs) {
    const p = new Pb().str(1, a.name);
    if (a.ints) {
      for (const v of a.ints) p.int(8, v);
      p.int(20, 7); // INTS
    } else if (a.float !== undefined) {
      p.float(2, a.float).int(20, 1); // FLOAT
    } else {
      p.int(3, a.int!).int(20, 2); // INT
    }
    n.msg(5, p);
  }
  return n;
}

function valueInfo(name: string, dims: (number | string)[]): Pb {
  const shape = new Pb();
  for (const d of dims) shape.msg(1, typeof d === 'number' ? new Pb().int(1, d) : new Pb().str(2, d));
  const tensor = new Pb().int(1, FLOAT).msg(2, shape);
  return new Pb().str(1, name).msg(2, new Pb().msg(1, tensor));
}

// ------------------------------------------------------------------ weights

/** The model's constants, de-quantised as TensorFlow.js's `decodeWeights` does. */
function decodeWeights(json: ModelJson, shards: Uint8Array[]): Map<string, { shape: number[]; values: Float32Array }> {
  const total = shards.reduce((s, b) => s + b.length, 0);
  const data = new Uint8Array(total);
  let o = 0;
  for (const s of shards) {
    data.set(s, o);
    o += s.length;
  }
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  let offset = 0;
  for (const group of json.weightsManifest) {
    for (const w of group.weights) {
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (w.dtype !== 'float32') throw new UnsupportedGraphError(`weight ${w.name} is ${w.dtype}`);
      const q = w.quantization;
      const values = new Float32Array(n);
      if (q?.dtype === 'uint8') {
        const bytes = data.subarray(offset, offset + n);
        for (let i = 0; i < n; i++) values[i] = bytes[i]! * q.scale! + q.min!;
        offset += n;
      } else if (!q) {
        values.set(new Float32Array(data.slice(offset, offset + 4 * n).buffer));
        offset += 4 * n;
      } else {
        throw new UnsupportedGraphError(`weight ${w.name} is quantised as ${q.dtype}`);
      }
      out.set(w.name, { shape: w.shape, values });
    }
  }
  if (offset !== total) throw new UnsupportedGraphError(`the weights take ${offset} bytes of ${total}`);
  return out;
}

// ------------------------------------------------------------------ translation

const b64 = (s: string | undefined) => (s === undefined ? '' : Buffer.from(s, 'base64').toString('utf8'));
const ints = (a: { list?: { i?: string[] } } | undefined) => (a?.list?.i ?? []).map(Number);

/** HWIO (TensorFlow) → OIHW (ONNX); a depthwise HW C 1 → C 1 H W. */
function convWeights(w: { shape: number[]; values: Float32Array }, depthwise: boolean): { dims: number[]; values: Float32Array } {
  const [kh, kw, cin, cout] = w.shape as [number, number, number, number];
  const out = new Float32Array(w.values.length);
  if (depthwise) {
    if (cout !== 1) throw new UnsupportedGraphError('depthwise multiplier ≠ 1');
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < cin; c++) out[(c * kh + y) * kw + x] = w.values[(y * kw + x) * cin + c]!;
    return { dims: [cin, 1, kh, kw], values: out };
  }
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++) for (let o = 0; o < cout; o++) out[((o * cin + i) * kh + y) * kw + x] = w.values[((y * kw + x) * cin + i) * cout + o]!;
  return { dims: [cout, cin, kh, kw], values: out };
}

/** TensorFlow's SAME padding (the extra pixel after): [top, left, bottom, right] and the output size. */
function samePads(h: number, w: number, k: [number, number], s: number): { pads: number[]; oh: number; ow: number } {
  const oh = Math.ceil(h / s);
  const ow = Math.ceil(w / s);
  const ph = Math.max((oh - 1) * s + k[0] - h, 0);
  const pw = Math.max((ow - 1) * s + k[1] - w, 0);
  return { pads: [ph >> 1, pw >> 1, ph - (ph >> 1), pw - (pw >> 1)], oh, ow };
}

/** The ONNX model (serialised) for a bundled nsfwjs graph model; input `pixels` [n,224,224,3] (pixels / 255), output `scores` [n,5]. */
export async function nsfwOnnxModel(model: string): Promise<{ bytes: Uint8Array; inputSize: number }> {
  const bundle = BUNDLES[model];
  if (!bundle) throw new UnsupportedGraphError(`${model} is not a bundled graph model`);
  // The ES module entry: its weight bundles import the base64 modules as plain strings (the
  // CommonJS entry's interop copies each string into an object of millions of properties).
  const bundled = ((await import(bundle.module)) as Record<string, BundledModel>)[bundle.export];
  if (!bundled) throw new UnsupportedGraphError(`${bundle.module} has no ${bundle.export}`);
  const loaded = await bundled.modelJson();
  const json: ModelJson = loaded.default ?? loaded;
  if (json.format !== 'graph-model' || !json.modelTopology.node) throw new UnsupportedGraphError(`${model} is not a graph model`);
  const shards = await Promise.all(bundled.weightBundles.map(async (f) => new Uint8Array(Buffer.from((await f()).default, 'base64'))));
  const weights = decodeWeights(json, shards);

  const nodes: Pb[] = [];
  const inits: Pb[] = [];
  /** NCHW shapes of the values computed so far (batch left out). */
  const shapes = new Map<string, number[]>();
  const alias = new Map<string, string>();
  const ref = (name: string) => {
    const n = name.replace(/:0$/, '');
    return alias.get(n) ?? n;
  };
  const constant = (name: string) => {
    const w = weights.get(name.replace(/:0$/, ''));
    if (!w) throw new UnsupportedGraphError(`no weight named ${name}`);
    return w;
  };
  let inputSize = 0;
  let output: string | undefined;
  let k = 0;
  const fresh = (base: string) => `${base}#${k++}`;

  for (const n of json.modelTopology.node) {
    const a = n.attr ?? {};
    const inputs = n.input ?? [];
    switch (n.op) {
      case 'Const':
        break;
      case 'Placeholder': {
        const dims = (a['shape']?.shape?.dim ?? []).map((d) => Number(d.size));
        if (dims.length !== 4 || dims[1] !== dims[2] || dims[3] !== 3) throw new UnsupportedGraphError('unexpected input shape');
        inputSize = dims[1]!;
        // NHWC in (as TensorFlow.js feeds it), NCHW inside
        nodes.push(nodeProto('Transpose', ['pixels'], [n.name], n.name, [{ name: 'perm', ints: [0, 3, 1, 2] }]));
        shapes.set(n.name, [3, inputSize, inputSize]);
        break;
      }
      case 'Mul':
      case 'Sub':
      case 'AddV2': {
        const [x, y] = inputs.map(ref) as [string, string];
        const isConst = (s: string) => weights.has(s);
        const operands = [x, y].map((s) => {
          if (!isConst(s)) return s;
          const w = constant(s);
          if (w.shape.length !== 0) throw new UnsupportedGraphError(`${n.op} with a non-scalar constant`);
          const name = fresh(s);
          inits.push(tensorProto(name, [], w.values, FLOAT));
          return name;
        });
        nodes.push(nodeProto(n.op === 'AddV2' ? 'Add' : n.op, operands, [n.name], n.name));
        const shape = shapes.get(isConst(x) ? y : x);
        if (!shape) throw new UnsupportedGraphError(`unknown shape for ${n.name}`);
        shapes.set(n.name, shape);
        break;
      }
      case '_FusedConv2D':
      case 'FusedDepthwiseConv2dNative': {
        const fused = (a['fused_ops']?.list?.s ?? []).map(b64);
        const padding = b64(a['padding']?.s);
        const strides = ints(a['strides']);
        const dilations = ints(a['dilations']);
        if (b64(a['data_format']?.s) !== 'NHWC' || padding !== 'SAME' || fused[0] !== 'BiasAdd' || fused.length > 2 || (fused[1] && fused[1] !== 'Relu6')) {
          throw new UnsupportedGraphError(`${n.op} ${padding} ${fused.join(',')}`);
        }
        if (dilations.some((d) => d !== 1) || strides[1] !== strides[2] || inputs.length !== 3) throw new UnsupportedGraphError(`${n.op} with dilations or uneven strides`);
        const depthwise = n.op === 'FusedDepthwiseConv2dNative';
        const x = ref(inputs[0]!);
        const inShape = shapes.get(x);
        if (!inShape) throw new UnsupportedGraphError(`unknown shape for ${x}`);
        const w = convWeights(constant(inputs[1]!), depthwise);
        const bias = constant(inputs[2]!);
        const wName = fresh(inputs[1]!);
        const bName = fresh(inputs[2]!);
        inits.push(tensorProto(wName, w.dims, w.values, FLOAT), tensorProto(bName, [bias.values.length], bias.values, FLOAT));
        const kh = w.dims[2]!, kw = w.dims[3]!;
        const s = strides[1]!;
        const { pads, oh, ow } = samePads(inShape[1]!, inShape[2]!, [kh, kw], s);
        const convOut = fused[1] ? fresh(n.name) : n.name;
        nodes.push(
          nodeProto('Conv', [x, wName, bName], [convOut], convOut, [
            { name: 'kernel_shape', ints: [kh, kw] },
            { name: 'strides', ints: [s, s] },
            { name: 'pads', ints: pads },
            { name: 'group', int: depthwise ? inShape[0]! : 1 },
          ]),
        );
        if (fused[1]) {
          const lo = fresh('zero'), hi = fresh('six');
          inits.push(tensorProto(lo, [], Float32Array.of(0), FLOAT), tensorProto(hi, [], Float32Array.of(6), FLOAT));
          nodes.push(nodeProto('Clip', [convOut, lo, hi], [n.name], n.name));
        }
        shapes.set(n.name, [w.dims[0]!, oh, ow]);
        break;
      }
      case 'AvgPool': {
        const x = ref(inputs[0]!);
        const shape = shapes.get(x)!;
        const ksize = ints(a['ksize']);
        if (b64(a['padding']?.s) !== 'VALID' || ksize[1] !== shape[1] || ksize[2] !== shape[2]) throw new UnsupportedGraphError('AvgPool other than a global average');
        nodes.push(nodeProto('GlobalAveragePool', [x], [n.name], n.name));
        shapes.set(n.name, [shape[0]!, 1, 1]);
        break;
      }
      case 'Squeeze': {
        const x = ref(inputs[0]!);
        const dims = ints({ list: { i: a['squeeze_dims']?.list?.i ?? [] } });
        if (dims.join() !== '1,2') throw new UnsupportedGraphError('Squeeze other than of H and W');
        nodes.push(nodeProto('Flatten', [x], [n.name], n.name, [{ name: 'axis', int: 1 }]));
        shapes.set(n.name, [shapes.get(x)![0]!]);
        break;
      }
      case '_FusedMatMul': {
        const fused = (a['fused_ops']?.list?.s ?? []).map(b64);
        if (fused.join() !== 'BiasAdd' || a['transpose_a']?.b || a['transpose_b']?.b || inputs.length !== 3) throw new UnsupportedGraphError('_FusedMatMul variant');
        const w = constant(inputs[1]!);
        const bias = constant(inputs[2]!);
        const wName = fresh(inputs[1]!), bName = fresh(inputs[2]!);
        inits.push(tensorProto(wName, w.shape, w.values, FLOAT), tensorProto(bName, [bias.values.length], bias.values, FLOAT));
        nodes.push(nodeProto('Gemm', [ref(inputs[0]!), wName, bName], [n.name], n.name));
        shapes.set(n.name, [w.shape[1]!]);
        break;
      }
      case 'Softmax':
        nodes.push(nodeProto('Softmax', [ref(inputs[0]!)], [n.name], n.name, [{ name: 'axis', int: -1 }]));
        shapes.set(n.name, shapes.get(ref(inputs[0]!))!);
        break;
      case 'Identity':
        alias.set(n.name, ref(inputs[0]!));
        output = n.name;
        break;
      default:
        throw new UnsupportedGraphError(`operation ${n.op} (${n.name})`);
    }
  }
  if (!output || !inputSize) throw new UnsupportedGraphError('no input or output');
  const last = ref(output);
  if (shapes.get(last)?.join() !== String(NSFW_CLASS_ORDER.length)) throw new UnsupportedGraphError('the output is not the five classes');
  nodes.push(nodeProto('Identity', [last], ['scores'], 'scores'));

  const graph = new Pb();
  for (const n of nodes) graph.msg(1, n);
  graph.str(2, `nsfwjs-${model}`);
  for (const t of inits) graph.msg(5, t);
  graph.msg(11, valueInfo('pixels', ['n', inputSize, inputSize, 3]));
  graph.msg(12, valueInfo('scores', ['n', NSFW_CLASS_ORDER.length]));
  const modelProto = new Pb()
    .int(1, 8) // ir_version
    .str(2, 'saring')
    .msg(7, graph)
    .msg(8, new Pb().str(1, '').int(2, 13)); // opset 13
  return { bytes: modelProto.finish(), inputSize };
}
