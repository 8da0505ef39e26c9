package io.github.deepseek4j.gguf;

import io.github.deepseek4j.quant.GgmlType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each thing the GGUF format forbids yields a GgufFormatException naming the file, offset and problem. */
class GgufHostileInputTest {

    /** Builds header bytes by hand so each field can be made wrong. */
    private static final class Bytes {
        final ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Bytes u32(long v) {
            b.putInt((int) v);
            return this;
        }

        Bytes u64(long v) {
            b.putLong(v);
            return this;
        }

        Bytes str(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8), true);
        }

        Bytes raw(byte[] bytes, boolean withLength) {
            if (withLength) {
                b.putLong(bytes.length);
            }
            b.put(bytes);
            return this;
        }

        Bytes header(long tensors, long kvs) {
            return u32(GgufParser.MAGIC).u32(3).u64(tensors).u64(kvs);
        }

        Bytes tensor(String name, int type, long offset, long... dims) {
            str(name).u32(dims.length);
            for (long d : dims) {
                u64(d);
            }
            return u32(type).u64(offset);
        }

        Bytes zeros(int n) {
            b.put(new byte[n]);
            return this;
        }

        MemorySegment segment() {
            byte[] out = new byte[b.position()];
            b.duplicate().flip().get(out);
            return MemorySegment.ofArray(out);
        }
    }

    private static GgufFormatException failure(Bytes bytes) {
        try {
            GgufParser.parse("hostile.gguf", bytes.segment());
        } catch (GgufFormatException e) {
            assertThat(e.getMessage()).startsWith("hostile.gguf at byte ");
            assertThat(e.file()).isEqualTo("hostile.gguf");
            return e;
        }
        throw new AssertionError("expected a GgufFormatException");
    }

    @Test
    void badMagic() {
        assertThat(failure(new Bytes().u32(0x46554746).u32(3)).getMessage()).contains("not a GGUF file");
    }

    @Test
    void unknownAndBigEndianVersions() {
        assertThat(failure(new Bytes().u32(GgufParser.MAGIC).u32(7)).getMessage()).contains("unsupported GGUF version 7");
        assertThat(failure(new Bytes().u32(GgufParser.MAGIC).u32(Integer.reverseBytes(3))).getMessage()).contains("big-endian");
        assertThat(failure(new Bytes().u32(GgufParser.MAGIC).u32(1)).getMessage()).contains("v1");
    }

    @Test
    void truncatedHeader() {
        GgufFormatException e = failure(new Bytes().u32(GgufParser.MAGIC).u32(3).u32(0));
        assertThat(e.getMessage()).contains("unexpected end of file");
        assertThat(e.offset()).isEqualTo(8);
    }

    @Test
    void absurdCountsAreRejectedBeforeAllocating() {
        assertThat(failure(new Bytes().header(Long.MAX_VALUE, 0)).getMessage()).contains("tensor count");
        assertThat(failure(new Bytes().header(0, -1)).getMessage()).contains("metadata count");
        assertThat(failure(new Bytes().header(0, 1).str("k").u32(GgufValueType.ARRAY.id())
                .u32(GgufValueType.UINT64.id()).u64(1L << 40)).getMessage()).contains("array length");
    }

    @Test
    void stringLongerThanTheFile() {
        GgufFormatException e = failure(new Bytes().header(0, 1).u64(1L << 50).zeros(16));
        assertThat(e.getMessage()).contains("metadata key length").contains("exceeds");
        assertThat(e.offset()).isEqualTo(24);
    }

    @Test
    void invalidUtf8AndDuplicateKeys() {
        byte[] badUtf8 = {(byte) 0xC3, 0x28};
        assertThat(failure(new Bytes().header(0, 1).raw(badUtf8, true).zeros(16)).getMessage()).contains("UTF-8");
        assertThat(failure(new Bytes().header(0, 2).str("a").u32(4).u32(1).str("a").u32(4).u32(2)).getMessage())
                .contains("duplicate metadata key 'a'");
    }

    @Test
    void unknownValueTypeAndBadBoolean() {
        assertThat(failure(new Bytes().header(0, 1).str("a").u32(13).u32(0)).getMessage()).contains("unknown metadata value type 13");
        assertThat(failure(new Bytes().header(0, 1).str("a").u32(7).raw(new byte[] {2}, false)).getMessage()).contains("neither 0 nor 1");
    }

    @Test
    void deeplyNestedArrays() {
        Bytes b = new Bytes().header(0, 1).str("a").u32(9);
        for (int i = 0; i < 20; i++) {
            b.u32(9).u64(1);
        }
        assertThat(failure(b).getMessage()).contains("nested deeper");
    }

    @Test
    void badAlignment() {
        assertThat(failure(new Bytes().header(0, 1).str(GgufParser.KEY_ALIGNMENT).u32(4).u32(24)).getMessage())
                .contains("not a power of two");
    }

    @Test
    void tensorProblems() {
        assertThat(failure(new Bytes().header(1, 0).tensor("t", 99, 0, 32)).getMessage()).contains("unknown ggml type id 99");
        assertThat(failure(new Bytes().header(1, 0).tensor("t", 2, 0, 30)).getMessage()).contains("not a multiple of the Q4_0 block size");
        assertThat(failure(new Bytes().header(1, 0).tensor("t", 0, 0, 1L << 62, 1L << 62)).getMessage()).contains("overflows");
        assertThat(failure(new Bytes().header(1, 0).tensor("t", 0, 0, -1)).getMessage()).contains("too large");
        assertThat(failure(new Bytes().header(1, 0).str("t").u32(5).zeros(32)).getMessage()).contains("5 dimensions");
        assertThat(failure(new Bytes().header(1, 0).tensor("t", 0, 3, 4)).getMessage()).contains("alignment");
        assertThat(failure(new Bytes().header(1, 0).tensor("x".repeat(64), 0, 0, 4)).getMessage()).contains("longer than 63");
        assertThat(failure(new Bytes().header(2, 0).tensor("t", 0, 0, 4).tensor("t", 0, 32, 4)).getMessage())
                .contains("duplicate tensor name 't'");
    }

    @Test
    void tensorDataOutsideOrOverlapping() {
        Bytes outside = new Bytes().header(1, 0).tensor("t", 0, 0, 64);
        outside.zeros(32 - outside.b.position() % 32 + 16);
        assertThat(failure(outside).getMessage()).contains("lies outside the data section");

        Bytes overlap = new Bytes().header(2, 0).tensor("a", 0, 0, 16).tensor("b", 0, 32, 16);
        overlap.zeros(32 - overlap.b.position() % 32 + 256);
        assertThat(failure(overlap).getMessage()).contains("overlaps");
    }

    @Test
    void aValidHandBuiltFileParses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("t", GgmlType.F32, new long[] {4}, GgufWriter.TensorData.ofFloats(new float[4]))
                .write(Channels.newChannel(out));
        GgufHeader h = GgufParser.parse("ok.gguf", MemorySegment.ofArray(out.toByteArray()));
        assertThat(h.tensors()).hasSize(1);
        assertThatThrownBy(() -> GgufParser.parse("empty.gguf", MemorySegment.ofArray(new byte[0])))
                .isInstanceOf(GgufFormatException.class);
    }
}
