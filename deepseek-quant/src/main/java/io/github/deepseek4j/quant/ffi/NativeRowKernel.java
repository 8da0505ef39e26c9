package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.PreparedActivations;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * One weight type's native row-range kernel against {@link NativeActivations}. Dequantization and dot
 * products with plain float activations are the {@code floats} kernel's (per-row callers such as the
 * KV cache keep their exact float path).
 */
final class NativeRowKernel implements RowKernel {

    /** Weight bytes per downcall at most: a critical downcall holds off the GC, so keep each short (~0.1 ms). */
    private static final long BYTES_PER_CALL = 1 << 20;

    private final RowKernel floats;
    private final MethodHandle rows;
    private final NativeActivations.Layout layout;

    /**
     * @param rows {@code void f(w, offset, rows, blocks, qx, dx, sx, y, yOffset)}: row r of
     *             {@code blocks} blocks at {@code w + offset + r * rowBytes} into {@code y[yOffset + r]}
     * @param layout how {@code rows} reads its activations
     */
    NativeRowKernel(RowKernel floats, MethodHandle rows, NativeActivations.Layout layout) {
        this.floats = floats;
        this.rows = rows;
        this.layout = layout;
    }

    @Override
    public GgmlType type() {
        return floats.type();
    }

    @Override
    public void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        floats.dequantize(data, byteOffset, out, outOffset, n);
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        return floats.dot(data, byteOffset, x, xOffset, n);
    }

    /** @throws IllegalArgumentException when {@code n} is not a whole number of blocks */
    @Override
    public NativeActivations prepare(float[] x, int offset, int n) {
        type().byteSize(n);
        return new NativeActivations(x, offset, n, layout);
    }

    /** Allocates a one-float result; matrix products go through {@link #dotRows}. */
    @Override
    public float dot(MemorySegment data, long byteOffset, PreparedActivations x) {
        float[] out = new float[1];
        dotRows(data, byteOffset, 1, x, out, 0);
        return out[0];
    }

    @Override
    public void dotRows(MemorySegment data, long byteOffset, int rowCount, PreparedActivations x,
                        float[] out, int outOffset) {
        NativeActivations q = x instanceof NativeActivations ready && ready.layout() == layout
                ? ready : prepare(x.floats(), x.offset(), x.length());
        long rowBytes = type().byteSize(q.length());
        // The C code trusts its arguments: every byte it touches is checked here.
        Objects.checkFromIndexSize(outOffset, rowCount, out.length);
        Objects.checkFromIndexSize(byteOffset, Math.multiplyExact(rowBytes, (long) rowCount), data.byteSize());
        int blocks = q.length() / type().blockSize();
        int rowsPerCall = (int) Math.max(1, BYTES_PER_CALL / Math.max(1, rowBytes));
        MemorySegment y = MemorySegment.ofArray(out);
        try {
            for (int first = 0; first < rowCount; first += rowsPerCall) {
                rows.invokeExact(data, byteOffset + first * rowBytes, Math.min(rowsPerCall, rowCount - first), blocks,
                        q.values, q.scaleSegment, q.sumSegment, y, outOffset + first);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native " + type() + " kernel failed", e);
        }
    }

    @Override
    public String toString() {
        return "native " + type();
    }
}
