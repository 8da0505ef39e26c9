package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * IQ4_NL, 32 values in 18 bytes (Q4_0's layout with a non-linear codebook):
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..18)  qs[16]  low nibble of qs[j] indexes value j, high nibble value j+16;  x = d * level(q), see {@link Iq4Codebook}
 * </pre>
 */
final class IQ4_NL extends QuantizingBlockKernel {

    IQ4_NL() {
        super(GgmlType.IQ4_NL);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        decode(data, block + 2, half(data, block), out, o);
    }

    /** Writes the 32 values of the 16 nibble pairs at {@code qs}, scaled by {@code d}. */
    static void decode(MemorySegment data, long qs, float d, float[] out, int o) {
        for (int j = 0; j < 16; j++) {
            int q = ubyte(data, qs + j);
            out[o + j] = d * Iq4Codebook.level(q & 0xF);
            out[o + j + 16] = d * Iq4Codebook.level(q >> 4);
        }
    }

    /** ggml's {@code quantize_row_iq4_nl_ref}. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        Iq4Search.quantize(x, xo, 1, out, block, -1, block + 2);
    }
}
