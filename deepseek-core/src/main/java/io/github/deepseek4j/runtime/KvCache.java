package io.github.deepseek4j.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A session's attention cache, off-heap: for each layer, one or more streams (keys and values for
 * classic attention; the compressed latent for MLA) of {@code width} float32 values per position,
 * for {@code contextLength} positions. Little endian, so the F32 row kernels can read cached rows.
 *
 * <p>Owned by one session: not thread-safe. {@link #close()} frees the memory (idempotent).
 */
public final class KvCache implements AutoCloseable {

    /** Cached values are little-endian float32, like an F32 tensor. */
    public static final ValueLayout.OfFloat VALUE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;
    private final int contextLength;
    private final int[] widths;
    private final MemorySegment[][] segments; // [layer][stream]: contextLength * width floats

    /**
     * @param widths values per position of each stream, the same for every layer
     * @throws IllegalArgumentException when a size is not positive or the total does not fit memory limits
     */
    public KvCache(int layers, int contextLength, int... widths) {
        if (layers <= 0 || contextLength <= 0 || widths.length == 0) {
            throw new IllegalArgumentException("KV cache needs layers > 0, contextLength > 0 and at least one stream;"
                    + " got layers = " + layers + ", contextLength = " + contextLength + ", streams = " + widths.length);
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("KV cache stream width must be positive, got " + w);
            }
        }
        Math.multiplyExact(bytesPerToken(layers, widths), (long) contextLength); // rejects sizes that overflow
        this.arena = Arena.ofShared();
        this.contextLength = contextLength;
        this.widths = widths.clone();
        this.segments = new MemorySegment[layers][widths.length];
        try {
            for (int l = 0; l < layers; l++) {
                for (int s = 0; s < widths.length; s++) {
                    segments[l][s] = arena.allocate(Math.multiplyExact((long) contextLength * widths[s], 4L), 64);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    private static long bytesPerToken(int layers, int[] widths) {
        long perLayer = 0;
        for (int w : widths) {
            perLayer += 4L * w;
        }
        return Math.multiplyExact(perLayer, (long) layers);
    }

    public int contextLength() {
        return contextLength;
    }

    public int layers() {
        return segments.length;
    }

    /** Bytes one position takes over all layers and streams. */
    public long bytesPerToken() {
        return bytesPerToken(segments.length, widths);
    }

    /** Bytes held for the whole context. */
    public long totalBytes() {
        return bytesPerToken() * contextLength;
    }

    /** The memory of one stream of one layer: {@code contextLength} rows of {@code width(stream)} floats. */
    public MemorySegment segment(int layer, int stream) {
        return segments[layer][stream];
    }

    public int width(int stream) {
        return widths[stream];
    }

    /** Byte offset of value {@code index} of position {@code position} in a stream's segment. */
    public long offset(int stream, int position, int index) {
        return 4L * ((long) position * widths[stream] + index);
    }

    /** Stores {@code tokens} rows of the stream's width from {@code src} (one row per token) at {@code position}. */
    public void write(int layer, int stream, int position, float[] src, int tokens) {
        int w = widths[stream];
        if (position < 0 || position + tokens > contextLength) {
            throw new IndexOutOfBoundsException("positions " + position + ".." + (position + tokens)
                    + " outside the cache of " + contextLength);
        }
        MemorySegment.copy(src, 0, segments[layer][stream], VALUE, offset(stream, position, 0), tokens * w);
    }

    /**
     * {@code out[outOffset + i] = Σ_s weights[weightsOffset + s] * row_s[index + i]} over positions
     * {@code s < positions} and {@code i < width}: the weighted sum of cached rows attention ends with.
     */
    public void weightedSum(int layer, int stream, int index, int width, float[] weights, int weightsOffset,
                            int positions, float[] out, int outOffset) {
        MemorySegment segment = segments[layer][stream];
        java.util.Arrays.fill(out, outOffset, outOffset + width, 0f);
        for (int s = 0; s < positions; s++) {
            float w = weights[weightsOffset + s];
            long row = offset(stream, s, index);
            for (int i = 0; i < width; i++) {
                out[outOffset + i] += w * segment.get(VALUE, row + 4L * i);
            }
        }
    }

    /** Frees the memory. Idempotent. */
    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
