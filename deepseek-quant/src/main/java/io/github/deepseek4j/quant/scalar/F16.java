package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.half;

/** F16: IEEE half floats, little endian, 2 bytes each. */
final class F16 implements RowKernel {

    @Override
    public GgmlType type() {
        return GgmlType.F16;
    }

    @Override
    public void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = half(data, byteOffset + 2L * i);
        }
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += half(data, byteOffset + 2L * i) * x[xOffset + i];
        }
        return sum;
    }
}
