package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/**
 * Quantizes float rows to one weight type, byte for byte as llama.cpp's reference quantizer does
 * (no importance matrix). Implementations are stateless and thread-safe.
 */
public interface RowQuantizer {

    GgmlType type();

    /**
     * Writes {@code x[xOffset..xOffset+n)} quantized to {@code out} at {@code byteOffset}
     * ({@code type().byteSize(n)} bytes).
     *
     * @throws IllegalArgumentException when {@code n} is not a whole number of blocks
     */
    void quantize(float[] x, int xOffset, MemorySegment out, long byteOffset, int n);
}
