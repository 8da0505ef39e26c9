package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GgufWriterTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesIdenticalMetadataAndBytes() throws Exception {
        Random random = new Random(7);
        byte[] q8 = new byte[GgmlType.Q8_0.blockBytes() * 4 * 3];
        random.nextBytes(q8);
        float[] f32 = new float[5 * 7];
        for (int i = 0; i < f32.length; i++) {
            f32[i] = random.nextFloat();
        }
        GgufWriter writer = new GgufWriter().alignment(64)
                .putString("general.architecture", "llama")
                .putString("unicode", "héllo ✓ 你好")
                .putUint32("u32", 4_000_000_000L)
                .put("i8", new GgufValue(GgufValueType.INT8, -5L))
                .put("u8", new GgufValue(GgufValueType.UINT8, 250L))
                .put("i16", new GgufValue(GgufValueType.INT16, -300L))
                .put("u16", new GgufValue(GgufValueType.UINT16, 65_000L))
                .put("i64", new GgufValue(GgufValueType.INT64, Long.MIN_VALUE))
                .put("u64", GgufValue.ofUint64(-1L))
                .put("f64", new GgufValue(GgufValueType.FLOAT64, Math.PI))
                .putFloat32("f32", 1.5f)
                .putBool("flag", true)
                .putArray("strings", GgufArray.ofStrings("a", "", "ü"))
                .putArray("ints", GgufArray.ofInts(1, -2, 3))
                .putArray("floats", GgufArray.ofFloats(0.5f, -1f))
                .putArray("bools", GgufArray.ofBooleans(true, false))
                .putArray("nested", GgufArray.ofArrays(GgufArray.ofInts(1), GgufArray.ofArrays(GgufArray.ofStrings("x"))))
                .addTensor("q8", GgmlType.Q8_0, new long[] {128, 3}, GgufWriter.TensorData.of(q8))
                .addTensor("f32", GgmlType.F32, new long[] {5, 7}, GgufWriter.TensorData.ofFloats(f32));
        Path file = dir.resolve("model.gguf");
        writer.write(file);

        try (GgufFile gguf = GgufFile.open(file)) {
            GgufMetadata m = gguf.metadata();
            assertThat(gguf.alignment()).isEqualTo(64);
            assertThat(m.getString("unicode")).isEqualTo("héllo ✓ 你好");
            assertThat(m.getLong("u32")).isEqualTo(4_000_000_000L);
            assertThat(m.getInt("i8")).isEqualTo(-5);
            assertThat(m.getInt("u8")).isEqualTo(250);
            assertThat(m.getInt("i16")).isEqualTo(-300);
            assertThat(m.getInt("u16")).isEqualTo(65_000);
            assertThat(m.getLong("i64")).isEqualTo(Long.MIN_VALUE);
            assertThat(m.getLong("u64")).isEqualTo(-1L);
            assertThat(m.getDouble("f64")).isEqualTo(Math.PI);
            assertThat(m.getFloat("f32")).isEqualTo(1.5f);
            assertThat(m.getBoolean("flag")).isTrue();
            assertThat(m.getStringArray("strings")).containsExactly("a", "", "ü");
            assertThat(m.getIntArray("ints")).containsExactly(1, -2, 3);
            assertThat(m.getFloatArray("floats")).containsExactly(0.5f, -1f);
            assertThat(m.getArray("nested")).isEqualTo(GgufArray.ofArrays(GgufArray.ofInts(1),
                    GgufArray.ofArrays(GgufArray.ofStrings("x"))));
            Tensor q = gguf.tensor("q8");
            assertThat(q.data().toArray(ValueLayout.JAVA_BYTE)).isEqualTo(q8);
            assertThat(gguf.tensor("f32").data().toArray(ValueLayout.JAVA_FLOAT_UNALIGNED)).isEqualTo(f32);
            assertThatThrownBy(() -> m.getString("missing")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("missing").hasMessageContaining(file.getFileName().toString());
            assertThatThrownBy(() -> m.getInt("unicode")).hasMessageContaining("unicode");
        }
    }

    @Test
    void rewritingARealFileReproducesItByteForByte() throws Exception {
        Path source = SharedData.require("conformance/models/tiny-llama-q4_k_m.gguf");
        Path copy = dir.resolve("copy.gguf");
        try (GgufFile gguf = GgufFile.open(source)) {
            GgufWriter writer = new GgufWriter().alignment(gguf.alignment()).putAll(gguf.metadata());
            for (GgufTensorInfo info : gguf.tensorInfos()) {
                writer.addTensor(info.name(), info.type(), info.shape(),
                        GgufWriter.TensorData.of(gguf.tensor(info.name()).data()));
            }
            writer.write(copy);
        }
        assertThat(Files.mismatch(source, copy)).isEqualTo(-1L);
    }

    @Test
    void tensorDataOfTheWrongSizeIsRejected() {
        GgufWriter writer = new GgufWriter().addTensor("t", GgmlType.F32, new long[] {4},
                GgufWriter.TensorData.of(new byte[12]));
        Path file = dir.resolve("bad.gguf");
        assertThatThrownBy(() -> writer.write(file)).hasMessageContaining("'t'").hasMessageContaining("expected 16");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> new GgufWriter().addTensor("q", GgmlType.Q4_0, new long[] {30}, out -> { }))
                .hasMessageContaining("block size");
    }

    @Test
    void splitModelsOpenAsOneNamespace() throws Exception {
        int parts = 3;
        for (int p = 0; p < parts; p++) {
            GgufWriter w = new GgufWriter()
                    .put(GgufFile.KEY_SPLIT_NO, new GgufValue(GgufValueType.UINT16, (long) p))
                    .put(GgufFile.KEY_SPLIT_COUNT, new GgufValue(GgufValueType.UINT16, (long) parts))
                    .put(GgufFile.KEY_SPLIT_TENSORS_COUNT, new GgufValue(GgufValueType.INT32, (long) parts * 2));
            if (p == 0) {
                w.putString("general.architecture", "llama");
            }
            for (int t = 0; t < 2; t++) {
                w.addTensor("t" + p + "_" + t, GgmlType.F32, new long[] {3}, GgufWriter.TensorData.ofFloats(new float[] {p, t, 9}));
            }
            w.write(dir.resolve(String.format("m-%05d-of-%05d.gguf", p + 1, parts)));
        }
        try (GgufFile gguf = GgufFile.open(dir.resolve("m-00001-of-00003.gguf"))) {
            assertThat(gguf.parts()).hasSize(3);
            assertThat(gguf.tensorInfos()).hasSize(6);
            assertThat(gguf.tensor("t2_1").data().get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0)).isEqualTo(2f);
            assertThat(gguf.tensorInfos().get(5).part()).isEqualTo(2);
        }
        assertThatThrownBy(() -> GgufFile.open(dir.resolve("m-00002-of-00003.gguf")))
                .hasMessageContaining("open the first part");
        Files.delete(dir.resolve("m-00003-of-00003.gguf"));
        assertThatThrownBy(() -> GgufFile.open(dir.resolve("m-00001-of-00003.gguf")))
                .hasMessageContaining("m-00003-of-00003.gguf");
    }
}
