package io.github.deepseek4j.jmh;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Off-heap weight matrices for benchmarks, several copies of each so that one pass over all of them
 * is far larger than the last-level cache: every matrix product then streams its weights from
 * memory, as decoding a real model does.
 */
final class WeightStreams {

    /** Bytes the copies of one matrix add up to at least (8x a 32 MiB L3). */
    static final long STREAMED_BYTES = 256L << 20;

    private WeightStreams() {
    }

    static int copiesFor(long matrixBytes) {
        return (int) Math.max(2, (STREAMED_BYTES + matrixBytes - 1) / matrixBytes);
    }

    /**
     * Random weights: quantized blocks are random bytes (speed does not depend on the values; scales
     * that decode to infinities or NaNs cost nothing extra), plain floats are Gaussian so that no
     * value is subnormal.
     */
    static MemorySegment randomMatrix(Arena arena, GgmlType type, long elements, Random random) {
        long bytes = type.byteSize(elements);
        MemorySegment m = arena.allocate(bytes, 64);
        byte[] chunk = new byte[1 << 20];
        for (long at = 0; at < bytes; at += chunk.length) {
            random.nextBytes(chunk);
            MemorySegment.copy(chunk, 0, m, ValueLayout.JAVA_BYTE, at, (int) Math.min(chunk.length, bytes - at));
        }
        ValueLayout.OfShort shortLe = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < elements && !type.isQuantized(); i++) {
            float value = (float) random.nextGaussian();
            switch (type) {
                case F32 -> m.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 4 * i, value);
                case F16 -> m.set(shortLe, 2 * i, Float.floatToFloat16(value));
                case BF16 -> m.set(shortLe, 2 * i, (short) (Float.floatToIntBits(value) >>> 16));
                default -> throw new IllegalArgumentException("no plain layout for " + type);
            }
        }
        return m;
    }
}
