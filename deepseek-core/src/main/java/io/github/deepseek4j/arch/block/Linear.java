package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.quant.MatrixOps;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;

import java.lang.foreign.MemorySegment;

/**
 * A weight matrix of {@code outputs} rows of {@code inputs} values in mapped memory, bound to the kernel
 * of its type, with an optional bias: {@code y = W·x (+ b)}. Immutable; thread-safe.
 */
public final class Linear {

    private final String name;
    private final RowKernel kernel;
    private final MemorySegment data;
    private final long byteOffset;
    private final int inputs;
    private final int outputs;
    private final float[] bias; // [outputs] or null

    Linear(String name, RowKernel kernel, MemorySegment data, long byteOffset, int inputs, int outputs, float[] bias) {
        this.name = name;
        this.kernel = kernel;
        this.data = data;
        this.byteOffset = byteOffset;
        this.inputs = inputs;
        this.outputs = outputs;
        this.bias = bias;
    }

    public String name() {
        return name;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** This matrix with {@code bias} added to every output. */
    public Linear withBias(float[] bias) {
        if (bias.length != outputs) {
            throw new IllegalArgumentException(name + ": bias of " + bias.length + " values for " + outputs + " outputs");
        }
        return new Linear(name, kernel, data, byteOffset, inputs, outputs, bias.clone());
    }

    /**
     * {@code y[t*outputs + o] = dot(row o, x[t*inputs ..]) (+ b[o])} for {@code tokens} activation rows:
     * one row is a matrix-vector product (decode), more a matrix product that reads each weight row once.
     */
    public void apply(float[] x, int tokens, float[] y, RowParallel parallel) {
        if (tokens == 1) {
            MatrixOps.matVec(kernel, data, byteOffset, outputs, inputs, x, y, parallel);
        } else {
            MatrixOps.matMul(kernel, data, byteOffset, outputs, inputs, x, tokens, y, parallel);
        }
        if (bias != null) {
            for (int t = 0; t < tokens; t++) {
                int o = t * outputs;
                for (int i = 0; i < outputs; i++) {
                    y[o + i] += bias[i];
                }
            }
        }
    }

    /** The dot product of row {@code row} with {@code x[xOffset .. xOffset + inputs)}. */
    public float dot(int row, float[] x, int xOffset) {
        return kernel.dot(data, byteOffset + row * rowBytes(), x, xOffset, inputs);
    }

    /** A view of rows {@code [first, first + count)} (e.g. one head's rows of a fused projection). */
    public Linear rows(int first, int count) {
        if (first < 0 || count <= 0 || first + count > outputs) {
            throw new IndexOutOfBoundsException(name + ": rows " + first + ".." + (first + count) + " of " + outputs);
        }
        return new Linear(name, kernel, data, byteOffset + first * rowBytes(), inputs, count,
                bias == null ? null : java.util.Arrays.copyOfRange(bias, first, first + count));
    }

    private long rowBytes() {
        return kernel.type().byteSize(inputs);
    }

    /** Dequantizes row {@code row} into {@code out[offset .. offset + inputs)} (embedding lookup). */
    public void row(int row, float[] out, int offset) {
        kernel.dequantize(data, byteOffset + row * rowBytes(), out, offset, inputs);
    }
}
