package io.github.deepseek4j.tensor;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A view of one tensor's bytes: name, ggml type, shape and a slice of mapped memory. Owns nothing:
 * the slice is valid while the file it came from is open.
 *
 * @param shape ggml dimensions, {@code shape[0]} contiguous (the row length)
 */
public record Tensor(String name, GgmlType type, long[] shape, MemorySegment data) {

    public Tensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i}, 1 beyond the stored ones. */
    public long dim(int i) {
        return i < shape.length ? shape[i] : 1;
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Number of rows: the product of every dimension but the first. */
    public long rows() {
        return elementCount() / shape[0];
    }

    /** Bytes per row of {@code shape[0]} elements. */
    public long rowBytes() {
        return type.byteSize(shape[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && type == t.type && Arrays.equals(shape, t.shape)
                && data.equals(t.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape);
    }
}
