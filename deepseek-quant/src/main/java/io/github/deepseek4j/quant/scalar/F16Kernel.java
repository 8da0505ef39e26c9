package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.I16;

/** F16: IEEE half floats, little endian. */
final class F16Kernel implements RowKernel {

    @Override
    public GgmlType type() {
        return GgmlType.F16;
    }

    @Override
    public void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Float.float16ToFloat(data.get(I16, byteOffset + 2L * i));
        }
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Float.float16ToFloat(data.get(I16, byteOffset + 2L * i)) * x[xOffset + i];
        }
        return sum;
    }
}
