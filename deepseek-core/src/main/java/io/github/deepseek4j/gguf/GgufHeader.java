package io.github.deepseek4j.gguf;

import java.util.List;

/**
 * Everything in a GGUF file before the tensor data: version, metadata, tensor table, and where the
 * data section starts.
 */
public record GgufHeader(int version, GgufMetadata metadata, List<GgufTensorInfo> tensors,
                         int alignment, long dataOffset) {

    public GgufHeader {
        tensors = List.copyOf(tensors);
    }
}
