package io.github.deepseek4j.quant.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Unaligned little-endian layouts: GGUF data is little endian and blocks are packed without padding. */
final class LittleEndian {

    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    /** The IEEE half float at {@code offset}, widened exactly (ggml's {@code GGML_FP16_TO_FP32}). */
    static float half(MemorySegment data, long offset) {
        return Float.float16ToFloat(data.get(SHORT, offset));
    }

    /** The unsigned byte at {@code offset}. */
    static int ubyte(MemorySegment data, long offset) {
        return Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, offset));
    }

    /** The signed byte at {@code offset}. */
    static int sbyte(MemorySegment data, long offset) {
        return data.get(ValueLayout.JAVA_BYTE, offset);
    }
}
