package io.github.deepseek4j.quant.scalar;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * The 12 bytes holding eight 6-bit (scale, min) pairs of Q4_K and Q5_K super-blocks (ggml's
 * {@code get_scale_min_k4}), shared with the Vector API kernels: pairs 0-3 are the low 6 bits of bytes 0-3 (scales) and 4-7 (mins);
 * pairs 4-7 take their low nibbles from bytes 8-11 and their top 2 bits from the spare bits of bytes 0-7.
 */
public final class PackedScales {

    private PackedScales() {
    }

    public static int scale(MemorySegment data, long scales, int j) {
        return j < 4
                ? ubyte(data, scales + j) & 63
                : (ubyte(data, scales + j + 4) & 0xF) | (ubyte(data, scales + j - 4) >> 6) << 4;
    }

    public static int min(MemorySegment data, long scales, int j) {
        return j < 4
                ? ubyte(data, scales + j + 4) & 63
                : (ubyte(data, scales + j + 4) >> 4) | (ubyte(data, scales + j) >> 6) << 4;
    }
}
