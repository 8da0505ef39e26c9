package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;

/** BF16: the upper 16 bits of an IEEE float, little endian, 2 bytes each. */
final class BF16 implements RowKernel {

    @Override
    public GgmlType type() {
        return GgmlType.BF16;
    }

    static float toFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    @Override
    public void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = toFloat(data.get(SHORT, byteOffset + 2L * i));
        }
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += toFloat(data.get(SHORT, byteOffset + 2L * i)) * x[xOffset + i];
        }
        return sum;
    }
}
