package io.github.deepseek4j;

import io.github.deepseek4j.quant.GgmlType;

/** How a session's KV cache stores its values. */
public enum KvCacheType {
    /** 4 bytes a value: the engine's own precision (the default; what conformance is measured with). */
    F32(GgmlType.F32),
    /** 2 bytes a value: half the memory, at a small cost in accuracy (llama.cpp's default). */
    F16(GgmlType.F16);

    private final GgmlType type;

    KvCacheType(GgmlType type) {
        this.type = type;
    }

    /** The tensor type cached rows are stored as. */
    public GgmlType type() {
        return type;
    }

    public int bytesPerValue() {
        return (int) type.byteSize(1);
    }
}
