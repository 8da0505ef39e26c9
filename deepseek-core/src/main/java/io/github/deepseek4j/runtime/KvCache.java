package io.github.deepseek4j.runtime;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A session's attention cache, off-heap: for each layer, one or more streams (keys and values for
 * classic attention; the compressed latent for MLA) of {@code width} values per position, for
 * {@code contextLength} positions. Values are stored as F32 or F16 rows, exactly like tensors of that
 * type, so the row kernel of the type takes the dot products with cached rows.
 *
 * <p>Owned by one session: not thread-safe. {@link #close()} frees the memory (idempotent).
 */
public final class KvCache implements AutoCloseable {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort F16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;
    private final RowKernel kernel;
    private final boolean half;
    private final int contextLength;
    private final int[] widths;
    private final MemorySegment[][] segments; // [layer][stream]: contextLength * width values

    /**
     * @param kernel the row kernel of the storage type, F32 or F16
     * @param widths values per position of each stream, the same for every layer
     * @throws IllegalArgumentException when a size is not positive or the type is neither F32 nor F16
     * @throws ArithmeticException      when the total size overflows
     */
    public KvCache(RowKernel kernel, int layers, int contextLength, int... widths) {
        if (kernel.type() != GgmlType.F32 && kernel.type() != GgmlType.F16) {
            throw new IllegalArgumentException("KV cache values are F32 or F16, not " + kernel.type());
        }
        if (layers <= 0 || contextLength <= 0 || widths.length == 0) {
            throw new IllegalArgumentException("KV cache needs layers > 0, contextLength > 0 and at least one stream;"
                    + " got layers = " + layers + ", contextLength = " + contextLength + ", streams = " + widths.length);
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("KV cache stream width must be positive, got " + w);
            }
        }
        this.kernel = kernel;
        this.half = kernel.type() == GgmlType.F16;
        this.widths = widths.clone();
        Math.multiplyExact(bytesPerToken(layers), (long) contextLength); // rejects sizes that overflow
        this.arena = Arena.ofShared();
        this.contextLength = contextLength;
        this.segments = new MemorySegment[layers][widths.length];
        try {
            for (int l = 0; l < layers; l++) {
                for (int s = 0; s < widths.length; s++) {
                    segments[l][s] = arena.allocate((long) contextLength * widths[s] * valueBytes(), 64);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    private int valueBytes() {
        return half ? 2 : 4;
    }

    private long bytesPerToken(int layers) {
        long perLayer = 0;
        for (int w : widths) {
            perLayer += (long) valueBytes() * w;
        }
        return Math.multiplyExact(perLayer, (long) layers);
    }

    /** F32 or F16. */
    public GgmlType type() {
        return kernel.type();
    }

    public int contextLength() {
        return contextLength;
    }

    public int layers() {
        return segments.length;
    }

    /** Bytes one position takes over all layers and streams. */
    public long bytesPerToken() {
        return bytesPerToken(segments.length);
    }

    /** Bytes held for the whole context. */
    public long totalBytes() {
        return bytesPerToken() * contextLength;
    }

    public int width(int stream) {
        return widths[stream];
    }

    private long offset(int stream, int position, int index) {
        return (long) valueBytes() * ((long) position * widths[stream] + index);
    }

    /** Stores {@code tokens} rows of the stream's width from {@code src} (one row per token) at {@code position}. */
    public void write(int layer, int stream, int position, float[] src, int tokens) {
        int w = widths[stream];
        if (position < 0 || position + tokens > contextLength) {
            throw new IndexOutOfBoundsException("positions " + position + ".." + (position + tokens)
                    + " outside the cache of " + contextLength);
        }
        MemorySegment segment = segments[layer][stream];
        long at = offset(stream, position, 0);
        if (half) {
            for (int i = 0; i < tokens * w; i++) {
                segment.set(F16, at + 2L * i, Float.floatToFloat16(src[i]));
            }
        } else {
            MemorySegment.copy(src, 0, segment, F32, at, tokens * w);
        }
    }

    /**
     * Drops positions {@code [from, from + count)} of the {@code filled} positions of every layer and stream:
     * the rows after them move down by {@code count}.
     */
    public void discard(int from, int count, int filled) {
        if (from < 0 || count < 1 || from + count > filled || filled > contextLength) {
            throw new IndexOutOfBoundsException("cannot discard positions " + from + ".." + (from + count) + " of "
                    + filled);
        }
        for (MemorySegment[] layer : segments) {
            for (int s = 0; s < widths.length; s++) {
                long rowBytes = (long) valueBytes() * widths[s];
                MemorySegment.copy(layer[s], (from + count) * rowBytes, layer[s], from * rowBytes,
                        (filled - from - count) * rowBytes); // overlapping copies are safe
            }
        }
    }

    /** Reads values {@code [index, index + n)} of a position into {@code dst[0 .. n)}. */
    public void read(int layer, int stream, int position, int index, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = get(layer, stream, position, index + i);
        }
    }

    /** Overwrites values {@code [index, index + n)} of a position with {@code src[0 .. n)}. */
    public void overwrite(int layer, int stream, int position, int index, float[] src, int n) {
        MemorySegment segment = segments[layer][stream];
        long at = offset(stream, position, index);
        for (int i = 0; i < n; i++) {
            if (half) {
                segment.set(F16, at + 2L * i, Float.floatToFloat16(src[i]));
            } else {
                segment.set(F32, at + 4L * i, src[i]);
            }
        }
    }

    /** Value {@code index} of position {@code position} of a stream. */
    public float get(int layer, int stream, int position, int index) {
        long at = offset(stream, position, index);
        MemorySegment segment = segments[layer][stream];
        return half ? Float.float16ToFloat(segment.get(F16, at)) : segment.get(F32, at);
    }

    /** The dot product of {@code x[xOffset .. xOffset+n)} with values {@code index ..} of position {@code position}. */
    public float dot(int layer, int stream, int position, int index, float[] x, int xOffset, int n) {
        return kernel.dot(segments[layer][stream], offset(stream, position, index), x, xOffset, n);
    }

    /**
     * {@code out[outOffset + i] = Σ_s weights[weightsOffset + s] * row_s[index + i]} over positions
     * {@code s < positions} and {@code i < width}: the weighted sum of cached rows attention ends with.
     */
    public void weightedSum(int layer, int stream, int index, int width, float[] weights, int weightsOffset,
                            int positions, float[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + width, 0f);
        for (int s = 0; s < positions; s++) {
            float w = weights[weightsOffset + s];
            for (int i = 0; i < width; i++) {
                out[outOffset + i] += w * get(layer, stream, s, index + i);
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
