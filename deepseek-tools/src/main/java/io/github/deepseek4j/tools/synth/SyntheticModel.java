package io.github.deepseek4j.tools.synth;

import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.GgufValue;
import io.github.deepseek4j.gguf.GgufValueType;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tools.ModelShape;
import io.github.deepseek4j.tools.RowEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.github.deepseek4j.gguf.TensorName.*;

/**
 * Writes a random-weight GGUF with the tensor names, shapes and metadata of a real model: weights
 * drawn from N(0, 1/fan_in), norms 1, biases 0, and a byte-level BPE vocabulary of the real size.
 * Tensors are generated row by row while the file is written, so memory stays at one row.
 */
public final class SyntheticModel {

    /** Told about each tensor as it is written (for a progress display). */
    @FunctionalInterface
    public interface Progress {
        void tensor(int index, int count, String name);
    }

    private enum Init { WEIGHT, ONES, ZEROS }

    private record Spec(String name, long[] shape, Init init) {
    }

    private final ModelShape shape;
    private final GgmlType type;
    private final long seed;

    public SyntheticModel(ModelShape shape, GgmlType type, long seed) {
        if (!RowEncoder.supports(type)) {
            throw new IllegalArgumentException("synthesizing " + type + " weights is not supported yet; use one of "
                    + RowEncoder.supportedTypes());
        }
        this.shape = shape;
        this.type = type;
        this.seed = seed;
    }

    public void write(Path out, Progress progress) throws IOException {
        List<Spec> specs = tensors();
        GgufWriter writer = new GgufWriter();
        metadata(writer);
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            GgmlType t = keepsF32(spec) ? GgmlType.F32 : RowEncoder.fitting(type, spec.shape()[0]);
            int index = i;
            writer.addTensor(spec.name(), t, spec.shape(), channel -> {
                progress.tensor(index, specs.size(), spec.name());
                writeRows(spec, t, index, channel);
            });
        }
        writer.write(out);
    }

    /** Norms, biases and the expert router stay F32, as llama.cpp's converter keeps them. */
    private static boolean keepsF32(Spec spec) {
        return spec.shape().length == 1 || FFN_GATE_INP.isWeight(spec.name());
    }

    private void writeRows(Spec spec, GgmlType t, int index, WritableByteChannel channel) throws IOException {
        int rowLength = (int) spec.shape()[0];
        long rows = 1;
        for (int d = 1; d < spec.shape().length; d++) {
            rows *= spec.shape()[d];
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        double std = 1.0 / Math.sqrt(rowLength);
        float[] row = new float[rowLength];
        ByteBuffer bytes = ByteBuffer.allocate((int) t.byteSize(rowLength)).order(ByteOrder.LITTLE_ENDIAN);
        for (long r = 0; r < rows; r++) {
            for (int i = 0; i < rowLength; i++) {
                row[i] = switch (spec.init()) {
                    case WEIGHT -> (float) (random.nextGaussian() * std);
                    case ONES -> 1f;
                    case ZEROS -> 0f;
                };
            }
            bytes.clear();
            RowEncoder.encode(t, row, bytes);
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    private void metadata(GgufWriter w) {
        w.putString(MetadataKey.GENERAL_ARCHITECTURE.key(), shape.architecture());
        w.putString(MetadataKey.GENERAL_NAME.key(),
                "synthetic " + shape.name() + " (random weights, shape of " + shape.realModel() + ")");
        w.putUint32(MetadataKey.GENERAL_FILE_TYPE.key(), RowEncoder.fileType(type));
        shape.putHyperParameters(w);
        SyntheticVocabulary vocab = SyntheticVocabulary.generate(shape.sizes().vocabulary(), specialToken("begin"),
                specialToken("end"), seed);
        w.putString(MetadataKey.TOKENIZER_MODEL.key(), "gpt2");
        w.putString(MetadataKey.TOKENIZER_PRE.key(), shape.preTokenizer());
        w.putArray(MetadataKey.TOKENIZER_TOKENS.key(), GgufArray.ofStrings(vocab.tokens().toArray(String[]::new)));
        w.putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(vocab.tokenTypes()));
        w.putArray(MetadataKey.TOKENIZER_MERGES.key(), GgufArray.ofStrings(vocab.merges().toArray(String[]::new)));
        w.putUint32(MetadataKey.TOKENIZER_BOS_ID.key(), vocab.bosId());
        w.putUint32(MetadataKey.TOKENIZER_EOS_ID.key(), vocab.eosId());
        w.putBool(MetadataKey.TOKENIZER_ADD_BOS.key(), true);
        w.put(MetadataKey.GENERAL_QUANTIZATION_VERSION.key(), new GgufValue(GgufValueType.UINT32, 2L));
    }

    private String specialToken(String which) {
        return switch (shape.architecture()) {
            case "deepseek2" -> which.equals("begin") ? "<｜begin▁of▁sentence｜>" : "<｜end▁of▁sentence｜>";
            case "llama" -> which.equals("begin") ? "<|begin_of_text|>" : "<|end_of_text|>";
            default -> which.equals("begin") ? "<|im_start|>" : "<|endoftext|>";
        };
    }

    private List<Spec> tensors() {
        ModelShape.Sizes sizes = shape.sizes();
        ModelShape.Experts experts = shape.experts();
        int e = sizes.embedding();
        List<Spec> t = new ArrayList<>();
        t.add(new Spec(TOKEN_EMBD.weight(), dims(e, sizes.vocabulary()), Init.WEIGHT));
        for (int l = 0; l < sizes.layers(); l++) {
            t.add(new Spec(ATTN_NORM.weight(l), dims(e), Init.ONES));
            if (shape.latent() != null) {
                latentAttention(t, l);
            } else {
                int kv = sizes.kvHeads() * sizes.headDim();
                t.add(new Spec(ATTN_Q.weight(l), dims(e, e), Init.WEIGHT));
                t.add(new Spec(ATTN_K.weight(l), dims(e, kv), Init.WEIGHT));
                t.add(new Spec(ATTN_V.weight(l), dims(e, kv), Init.WEIGHT));
                if (sizes.qkvBias()) {
                    t.add(new Spec(ATTN_Q.bias(l), dims(e), Init.ZEROS));
                    t.add(new Spec(ATTN_K.bias(l), dims(kv), Init.ZEROS));
                    t.add(new Spec(ATTN_V.bias(l), dims(kv), Init.ZEROS));
                }
                t.add(new Spec(ATTN_OUTPUT.weight(l), dims(e, e), Init.WEIGHT));
            }
            t.add(new Spec(FFN_NORM.weight(l), dims(e), Init.ONES));
            if (experts != null && l >= experts.leadingDense()) {
                int n = experts.count();
                int ff = experts.feedForward();
                int shared = ff * experts.shared();
                t.add(new Spec(FFN_GATE_INP.weight(l), dims(e, n), Init.WEIGHT));
                if (experts.gatingFunc() == 2) {
                    t.add(new Spec(FFN_EXP_PROBS_B.bias(l), dims(n), Init.ZEROS));
                }
                t.add(new Spec(FFN_GATE_EXPS.weight(l), dims(e, ff, n), Init.WEIGHT));
                t.add(new Spec(FFN_UP_EXPS.weight(l), dims(e, ff, n), Init.WEIGHT));
                t.add(new Spec(FFN_DOWN_EXPS.weight(l), dims(ff, e, n), Init.WEIGHT));
                t.add(new Spec(FFN_GATE_SHEXP.weight(l), dims(e, shared), Init.WEIGHT));
                t.add(new Spec(FFN_UP_SHEXP.weight(l), dims(e, shared), Init.WEIGHT));
                t.add(new Spec(FFN_DOWN_SHEXP.weight(l), dims(shared, e), Init.WEIGHT));
            } else {
                int ff = sizes.feedForward();
                t.add(new Spec(FFN_GATE.weight(l), dims(e, ff), Init.WEIGHT));
                t.add(new Spec(FFN_UP.weight(l), dims(e, ff), Init.WEIGHT));
                t.add(new Spec(FFN_DOWN.weight(l), dims(ff, e), Init.WEIGHT));
            }
        }
        t.add(new Spec(OUTPUT_NORM.weight(), dims(e), Init.ONES));
        t.add(new Spec(OUTPUT.weight(), dims(e, sizes.vocabulary()), Init.WEIGHT));
        return t;
    }

    /** Multi-head latent attention in the legacy layout ({@code attn_kv_b}), as most published files have it. */
    private void latentAttention(List<Spec> t, int l) {
        ModelShape.LatentAttention a = shape.latent();
        int e = shape.sizes().embedding();
        int h = shape.sizes().heads();
        int qk = a.qkNope() + a.qkRope();
        if (a.qLoraRank() > 0) {
            t.add(new Spec(ATTN_Q_A.weight(l), dims(e, a.qLoraRank()), Init.WEIGHT));
            t.add(new Spec(ATTN_Q_A_NORM.weight(l), dims(a.qLoraRank()), Init.ONES));
            t.add(new Spec(ATTN_Q_B.weight(l), dims(a.qLoraRank(), h * qk), Init.WEIGHT));
        } else {
            t.add(new Spec(ATTN_Q.weight(l), dims(e, h * qk), Init.WEIGHT));
        }
        t.add(new Spec(ATTN_KV_A_MQA.weight(l), dims(e, a.kvLoraRank() + a.qkRope()), Init.WEIGHT));
        t.add(new Spec(ATTN_KV_A_NORM.weight(l), dims(a.kvLoraRank()), Init.ONES));
        t.add(new Spec(ATTN_KV_B.weight(l), dims(a.kvLoraRank(), h * (a.qkNope() + a.valueDim())), Init.WEIGHT));
        t.add(new Spec(ATTN_OUTPUT.weight(l), dims(h * a.valueDim(), e), Init.WEIGHT));
    }

    private static long[] dims(long... d) {
        return d;
    }
}
