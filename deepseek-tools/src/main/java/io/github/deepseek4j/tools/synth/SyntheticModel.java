package io.github.deepseek4j.tools.synth;

import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.GgufValue;
import io.github.deepseek4j.gguf.GgufValueType;
import io.github.deepseek4j.gguf.GgufWriter;
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
        return spec.shape().length == 1 || spec.name().endsWith("ffn_gate_inp.weight");
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
        String a = shape.architecture();
        w.putString("general.architecture", a);
        w.putString("general.name", "synthetic " + shape.name() + " (random weights, shape of " + shape.realModel() + ")");
        w.putUint32("general.file_type", RowEncoder.fileType(type));
        shape.putHyperParameters(w);
        SyntheticVocabulary vocab = SyntheticVocabulary.generate(shape.vocabulary(), specialToken("begin"),
                specialToken("end"), seed);
        w.putString("tokenizer.ggml.model", "gpt2");
        w.putString("tokenizer.ggml.pre", shape.preTokenizer());
        w.putArray("tokenizer.ggml.tokens", GgufArray.ofStrings(vocab.tokens().toArray(String[]::new)));
        w.putArray("tokenizer.ggml.token_type", GgufArray.ofInts(vocab.tokenTypes()));
        w.putArray("tokenizer.ggml.merges", GgufArray.ofStrings(vocab.merges().toArray(String[]::new)));
        w.putUint32("tokenizer.ggml.bos_token_id", vocab.bosId());
        w.putUint32("tokenizer.ggml.eos_token_id", vocab.eosId());
        w.putBool("tokenizer.ggml.add_bos_token", true);
        w.put("general.quantization_version", new GgufValue(GgufValueType.UINT32, 2L));
    }

    private String specialToken(String which) {
        return switch (shape.architecture()) {
            case "deepseek2" -> which.equals("begin") ? "<｜begin▁of▁sentence｜>" : "<｜end▁of▁sentence｜>";
            case "llama" -> which.equals("begin") ? "<|begin_of_text|>" : "<|end_of_text|>";
            default -> which.equals("begin") ? "<|im_start|>" : "<|endoftext|>";
        };
    }

    private List<Spec> tensors() {
        int e = shape.embedding();
        List<Spec> t = new ArrayList<>();
        t.add(new Spec("token_embd.weight", dims(e, shape.vocabulary()), Init.WEIGHT));
        for (int l = 0; l < shape.layers(); l++) {
            String p = "blk." + l + ".";
            t.add(new Spec(p + "attn_norm.weight", dims(e), Init.ONES));
            if (shape.architecture().equals("deepseek2")) {
                latentAttention(t, p);
            } else {
                int kv = shape.kvHeads() * shape.headDim();
                t.add(new Spec(p + "attn_q.weight", dims(e, e), Init.WEIGHT));
                t.add(new Spec(p + "attn_k.weight", dims(e, kv), Init.WEIGHT));
                t.add(new Spec(p + "attn_v.weight", dims(e, kv), Init.WEIGHT));
                if (shape.qkvBias()) {
                    t.add(new Spec(p + "attn_q.bias", dims(e), Init.ZEROS));
                    t.add(new Spec(p + "attn_k.bias", dims(kv), Init.ZEROS));
                    t.add(new Spec(p + "attn_v.bias", dims(kv), Init.ZEROS));
                }
                t.add(new Spec(p + "attn_output.weight", dims(e, e), Init.WEIGHT));
            }
            t.add(new Spec(p + "ffn_norm.weight", dims(e), Init.ONES));
            if (shape.isMixtureOfExperts() && l >= shape.leadingDense()) {
                int n = shape.experts();
                int ff = shape.expertFeedForward();
                int shared = ff * shape.sharedExperts();
                t.add(new Spec(p + "ffn_gate_inp.weight", dims(e, n), Init.WEIGHT));
                if (shape.gatingFunc() == 2) {
                    t.add(new Spec(p + "exp_probs_b.bias", dims(n), Init.ZEROS));
                }
                t.add(new Spec(p + "ffn_gate_exps.weight", dims(e, ff, n), Init.WEIGHT));
                t.add(new Spec(p + "ffn_up_exps.weight", dims(e, ff, n), Init.WEIGHT));
                t.add(new Spec(p + "ffn_down_exps.weight", dims(ff, e, n), Init.WEIGHT));
                t.add(new Spec(p + "ffn_gate_shexp.weight", dims(e, shared), Init.WEIGHT));
                t.add(new Spec(p + "ffn_up_shexp.weight", dims(e, shared), Init.WEIGHT));
                t.add(new Spec(p + "ffn_down_shexp.weight", dims(shared, e), Init.WEIGHT));
            } else {
                int ff = shape.feedForward();
                t.add(new Spec(p + "ffn_gate.weight", dims(e, ff), Init.WEIGHT));
                t.add(new Spec(p + "ffn_up.weight", dims(e, ff), Init.WEIGHT));
                t.add(new Spec(p + "ffn_down.weight", dims(ff, e), Init.WEIGHT));
            }
        }
        t.add(new Spec("output_norm.weight", dims(e), Init.ONES));
        t.add(new Spec("output.weight", dims(e, shape.vocabulary()), Init.WEIGHT));
        return t;
    }

    /** Multi-head latent attention in the legacy layout ({@code attn_kv_b}), as most published files have it. */
    private void latentAttention(List<Spec> t, String p) {
        int e = shape.embedding();
        int h = shape.heads();
        int qk = shape.qkNope() + shape.qkRope();
        if (shape.qLoraRank() > 0) {
            t.add(new Spec(p + "attn_q_a.weight", dims(e, shape.qLoraRank()), Init.WEIGHT));
            t.add(new Spec(p + "attn_q_a_norm.weight", dims(shape.qLoraRank()), Init.ONES));
            t.add(new Spec(p + "attn_q_b.weight", dims(shape.qLoraRank(), h * qk), Init.WEIGHT));
        } else {
            t.add(new Spec(p + "attn_q.weight", dims(e, h * qk), Init.WEIGHT));
        }
        t.add(new Spec(p + "attn_kv_a_mqa.weight", dims(e, shape.kvLoraRank() + shape.qkRope()), Init.WEIGHT));
        t.add(new Spec(p + "attn_kv_a_norm.weight", dims(shape.kvLoraRank()), Init.ONES));
        t.add(new Spec(p + "attn_kv_b.weight", dims(shape.kvLoraRank(), h * (shape.qkNope() + shape.valueDim())), Init.WEIGHT));
        t.add(new Spec(p + "attn_output.weight", dims(h * shape.valueDim(), e), Init.WEIGHT));
    }

    private static long[] dims(long... d) {
        return d;
    }
}
