import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

export type Dim = number | string;
export type AttributeValue = number | number[] | string | { float: number };
export type ElementType = 'float' | 'int64' | 'bool';

const ELEMENT_TYPES: Record<ElementType, number> = {
  float: DataType.FLOAT,
  int64: DataType.INT64,
  bool: DataType.BOOL,
};

/**
 * Collects nodes, initializers and graph inputs/outputs and serialises them as an ONNX ModelProto.
 * Every name is generated in call order, so building the same graph twice yields the same bytes.
 */
export class OnnxGraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  input(name: string, type: ElementType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, type: ElementType, dims: readonly Dim[]): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** A float32 weight, stored little-endian in raw_data. */
  floats(name: string, dims: readonly number[], values: Float32Array): string {
    const raw = new Uint8Array(values.length * 4);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    this.initializers.push({ name, dims: [...dims], dataType: DataType.FLOAT, rawData: raw });
    return name;
  }

  /** An int64 constant; a scalar when `dims` is empty. */
  int64s(values: readonly number[], dims: readonly number[] = [values.length]): string {
    const name = `const_${this.counter++}`;
    const raw = new Uint8Array(values.length * 8);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < values.length; i++) view.setBigInt64(i * 8, BigInt(values[i]), true);
    this.initializers.push({ name, dims: [...dims], dataType: DataType.INT64, rawData: raw });
    return name;
  }

  scalar(value: number): string {
    return this.floats(`const_${this.counter++}`, [], Float32Array.of(value));
  }

  /** Adds one node and returns its (first) output name; `outputs` names them explicitly. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, AttributeValue> = {},
    outputs: readonly string[] = [`${opType.toLowerCase()}_${this.counter++}`],
  ): string {
    this.nodes.push({
      opType,
      name: `${opType}_${this.nodes.length}`,
      input: [...inputs],
      output: [...outputs],
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return outputs[0];
  }

  toBytes(opset: number, producer: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: 'main',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: ElementType, dims: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEMENT_TYPES[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  if (typeof value === 'number') return { name, type: AttributeType.INT, i: value };
  if (typeof value === 'string') {
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  }
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.FLOAT, f: value.float };
}
