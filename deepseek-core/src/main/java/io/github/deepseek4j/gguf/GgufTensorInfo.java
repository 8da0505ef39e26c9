package io.github.deepseek4j.gguf;

import io.github.deepseek4j.quant.GgmlType;

import java.util.Arrays;

/**
 * One entry of a GGUF tensor table.
 *
 * @param name     tensor name
 * @param type     ggml type of its elements
 * @param shape    ggml dimensions, {@code shape[0]} contiguous (row length)
 * @param offset   byte offset of its data from the start of its file's data section
 * @param byteSize bytes of data
 * @param part     index of the split part (file) holding it; 0 for single-file models
 */
public record GgufTensorInfo(String name, GgmlType type, long[] shape, long offset, long byteSize, int part) {

    public GgufTensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int dimensions() {
        return shape.length;
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && type == t.type
                && Arrays.equals(shape, t.shape) && offset == t.offset && byteSize == t.byteSize && part == t.part;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape);
    }
}
