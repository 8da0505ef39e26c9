package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * IQ4_XS, 256 values in 136 bytes: eight IQ4_NL sub-blocks of 32 with 6-bit scales.
 * <pre>
 *   [0..2)     d            fp16 super-block scale
 *   [2..4)     scales_h     uint16, bits 2i..2i+1 are the high bits of sub-block i's scale
 *   [4..8)     scales_l[4]  nibble i (low nibble first) is the low 4 bits of sub-block i's scale
 *   [8..136)   qs[128]      16 bytes per sub-block, nibbles as in IQ4_NL
 *   sub-block i: x = (d * (scale_i - 32)) * level(q)
 * </pre>
 */
final class IQ4_XS extends QuantizingBlockKernel {

    IQ4_XS() {
        super(GgmlType.IQ4_XS);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        int scalesHigh = Short.toUnsignedInt(data.get(SHORT, block + 2));
        for (int i = 0; i < 8; i++) {
            int low = (ubyte(data, block + 4 + i / 2) >> 4 * (i % 2)) & 0xF;
            int scale = low | ((scalesHigh >> 2 * i) & 3) << 4;
            IQ4_NL.decode(data, block + 8 + 16L * i, d * (scale - 32), out, o + 32 * i);
        }
    }

    /** ggml's {@code quantize_row_iq4_xs_ref}. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        Iq4Search.quantize(x, xo, 8, out, block, block + 2, block + 8);
    }
}
