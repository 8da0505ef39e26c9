package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/**
 * A row kernel that hands every call to another of the same type; a subclass overrides what it computes
 * its own way (e.g. only prefill's {@link #dotRowsBatch}) and keeps the rest.
 */
public abstract class ForwardingRowKernel implements RowKernel {

    private final RowKernel delegate;

    protected ForwardingRowKernel(RowKernel delegate) {
        this.delegate = delegate;
    }

    /** The kernel this one hands calls to. */
    protected final RowKernel delegate() {
        return delegate;
    }

    @Override
    public GgmlType type() {
        return delegate.type();
    }

    @Override
    public void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        delegate.dequantize(data, byteOffset, out, outOffset, n);
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        return delegate.dot(data, byteOffset, x, xOffset, n);
    }

    @Override
    public PreparedActivations prepare(float[] x, int offset, int n) {
        return delegate.prepare(x, offset, n);
    }

    @Override
    public float dot(MemorySegment data, long byteOffset, PreparedActivations x) {
        return delegate.dot(data, byteOffset, x);
    }

    @Override
    public void dotRows(MemorySegment data, long byteOffset, int rows, PreparedActivations x, float[] out,
                        int outOffset) {
        delegate.dotRows(data, byteOffset, rows, x, out, outOffset);
    }

    @Override
    public PreparedBatch prepareBatch(float[] x, int offset, int n, int tokens) {
        return delegate.prepareBatch(x, offset, n, tokens);
    }

    @Override
    public int batchRows() {
        return delegate.batchRows();
    }

    @Override
    public void dotRowsBatch(MemorySegment data, long byteOffset, int rows, PreparedBatch batch, float[] out,
                             int outOffset, int outStride) {
        delegate.dotRowsBatch(data, byteOffset, rows, batch, out, outOffset, outStride);
    }
}
