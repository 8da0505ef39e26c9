package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.testing.Float64;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Variants of the tiny deepseek2 model rewritten with GgufWriter: V2-Lite queries, MTP blocks, broken files. */
class DeepSeek2VariantsTest {

    private static final int[] TOKENS = {318, 165, 77, 202, 24, 37, 274, 48};

    @TempDir
    Path dir;

    /** A copy of the tiny model's metadata and the tensors {@code keep} accepts. */
    private static GgufWriter copy(GgufFile source, Predicate<String> keep) {
        GgufWriter w = new GgufWriter().putAll(source.metadata());
        for (GgufTensorInfo t : source.tensorInfos()) {
            if (keep.test(t.name())) {
                w.addTensor(t.name(), t.type(), t.shape(), GgufWriter.TensorData.of(source.findTensor(t.name()).orElseThrow().data()));
            }
        }
        return w;
    }

    @Test
    void plainQueryProjectionWithoutQLora() throws Exception {
        Path file = dir.resolve("lite.gguf");
        try (GgufFile src = GgufFile.open(SharedData.require("conformance/models/tiny-deepseek2-f16.gguf"))) {
            GgufWriter w = copy(src, n -> !n.contains("attn_q_a") && !n.contains("attn_q_b"));
            w.putUint32("deepseek2.attention.q_lora_rank", 0);
            Random r = new Random(1);
            for (int l = 0; l < 2; l++) {
                float[] q = new float[256 * 4 * 96];
                for (int i = 0; i < q.length; i++) {
                    q[i] = (float) (0.1 * r.nextGaussian());
                }
                w.addTensor("blk." + l + ".attn_q.weight", GgmlType.F32, new long[] {256, 4 * 96},
                        GgufWriter.TensorData.ofFloats(q));
            }
            w.write(file);
        }
        double[][] expected;
        try (GgufFile gguf = GgufFile.open(file)) {
            expected = new ExpandedDeepSeek2Reference(gguf).logits(TOKENS);
        }
        try (Model model = Model.builder(file).threads(2).contextLength(16).build(); Session s = model.newSession()) {
            float[][] rows = s.forwardAll(TOKENS);
            for (int i = 0; i < TOKENS.length; i++) {
                assertThat(Float64.relativeRmsError(rows[i], expected[i])).as("row %d", i).isLessThan(1e-5);
            }
        }
    }

    @Test
    void multiTokenPredictionBlocksAreSkipped() throws Exception {
        Path original = SharedData.require("conformance/models/tiny-deepseek3-f32.gguf");
        Path file = dir.resolve("mtp.gguf");
        try (GgufFile src = GgufFile.open(original)) {
            GgufWriter w = copy(src, n -> true);
            w.putUint32("deepseek2.block_count", 3).putUint32("deepseek2.nextn_predict_layers", 1);
            for (GgufTensorInfo t : src.tensorInfos()) {
                if (t.name().startsWith("blk.1.")) {
                    w.addTensor(t.name().replace("blk.1.", "blk.2."), t.type(), t.shape(),
                            GgufWriter.TensorData.of(src.findTensor(t.name()).orElseThrow().data()));
                }
            }
            w.addTensor("blk.2.eh_proj.weight", GgmlType.F32, new long[] {512, 256},
                    GgufWriter.TensorData.ofFloats(new float[512 * 256]));
            w.write(file);
        }
        try (Model plain = Model.builder(original).threads(1).contextLength(16).build();
             Model mtp = Model.builder(file).threads(1).contextLength(16).build();
             Session a = plain.newSession(); Session b = mtp.newSession()) {
            assertThat(b.forwardAll(TOKENS)).isDeepEqualTo(a.forwardAll(TOKENS));
            assertThat(mtp.cacheBytesPerToken()).isEqualTo(plain.cacheBytesPerToken());
        }
    }

    @Test
    void missingExpertTensorIsNamed() throws Exception {
        Path file = dir.resolve("broken.gguf");
        try (GgufFile src = GgufFile.open(SharedData.require("conformance/models/tiny-deepseek3-f32.gguf"))) {
            copy(src, n -> !n.equals("blk.1.ffn_up_exps.weight")).write(file);
        }
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("blk.1.ffn_up_exps.weight");
    }

    @Test
    void ropeFrequencyBaseAtMostOneIsNamed() throws Exception {
        badMetadataIsNamed(w -> w.putFloat32("deepseek2.rope.freq_base", 0.5f), "deepseek2.rope.freq_base", "0.5");
    }

    @Test
    void unknownGatingFunctionIsNamed() throws Exception {
        badMetadataIsNamed(w -> w.putUint32("deepseek2.expert_gating_func", 7), "deepseek2.expert_gating_func", "7");
    }

    /** The tiny DeepSeek-V3 model with {@code change} applied fails to load with a ModelFormatException naming {@code key}. */
    private void badMetadataIsNamed(java.util.function.UnaryOperator<GgufWriter> change, String key, String value)
            throws Exception {
        Path file = dir.resolve("bad.gguf");
        try (GgufFile src = GgufFile.open(SharedData.require("conformance/models/tiny-deepseek3-f32.gguf"))) {
            change.apply(copy(src, n -> true)).write(file);
        }
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(key).hasMessageContaining(value);
    }
}
