package io.github.deepseek4j.tools;

import io.github.deepseek4j.gguf.GgufWriter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A model's hyper-parameters as the tools that write GGUF files need them: the real models that
 * {@code synth} imitates, or what {@code convert} reads from a checkpoint's config. Built by the named
 * factories {@link #dense} and {@link #latentMixtureOfExperts} from named groups of sizes.
 *
 * @param latent  multi-head latent attention, or null for grouped-query attention
 * @param experts the mixture of experts, or null for dense models
 * @param yarn    YaRN context extension, or null for plain rope
 */
public record ModelShape(String name, String architecture, String realModel, String preTokenizer, Sizes sizes,
                         LatentAttention latent, Experts experts, Yarn yarn) {

    /**
     * What every architecture has.
     *
     * @param qkvBias the query, key and value projections have biases (Qwen2)
     */
    public record Sizes(int vocabulary, int embedding, int layers, int heads, int kvHeads, int feedForward,
                        int contextLength, float ropeBase, float rmsEps, boolean qkvBias) {

        /** Values per head of grouped-query attention. */
        public int headDim() {
            return embedding / heads;
        }
    }

    /**
     * Multi-head latent attention (DeepSeek-V2/V3).
     *
     * @param qLoraRank 0 when queries are a plain projection (V2-Lite)
     */
    public record LatentAttention(int qLoraRank, int kvLoraRank, int qkNope, int qkRope, int valueDim) {
    }

    /**
     * A mixture of experts after {@code leadingDense} dense blocks.
     *
     * @param gatingFunc GGUF's {@code expert_gating_func}: 1 softmax, 2 sigmoid (with a selection bias)
     * @param groups     expert groups for group-limited routing (V3), 0 when unused
     */
    public record Experts(int leadingDense, int count, int used, int shared, int feedForward, float weightsScale,
                          boolean weightsNorm, int gatingFunc, int groups, int groupsUsed) {
    }

    /** YaRN context extension: the rope scaling factor over the original context, and the attention correction. */
    public record Yarn(float factor, int originalContext, float logMultiplier) {
    }

    public static final ModelShape QWEN2_1_5B = dense("qwen2-1.5b", "qwen2", "DeepSeek-R1-Distill-Qwen-1.5B", "qwen2",
            new Sizes(151_936, 1536, 28, 12, 2, 8960, 131_072, 10_000f, 1e-6f, true));
    public static final ModelShape LLAMA_8B = dense("llama-8b", "llama", "DeepSeek-R1-Distill-Llama-8B", "llama-bpe",
            new Sizes(128_256, 4096, 32, 32, 8, 14_336, 131_072, 500_000f, 1e-5f, false));
    public static final ModelShape DEEPSEEK_V2_LITE = latentMixtureOfExperts("deepseek-v2-lite", "DeepSeek-V2-Lite",
            "deepseek-llm", new Sizes(102_400, 2048, 27, 16, 16, 10_944, 163_840, 10_000f, 1e-6f, false),
            new LatentAttention(0, 512, 128, 64, 128), new Experts(1, 64, 6, 2, 1408, 1.0f, false, 1, 0, 0),
            new Yarn(40f, 4096, 0.0707f));
    public static final ModelShape DEEPSEEK_V3 = latentMixtureOfExperts("deepseek-v3", "DeepSeek-V3 / R1",
            "deepseek-v3", new Sizes(129_280, 7168, 61, 128, 128, 18_432, 163_840, 10_000f, 1e-6f, false),
            new LatentAttention(1536, 512, 128, 64, 128), new Experts(3, 256, 8, 1, 2048, 2.5f, true, 2, 8, 4),
            new Yarn(40f, 4096, 0.1f));

    private static final ModelShape[] ALL = {QWEN2_1_5B, LLAMA_8B, DEEPSEEK_V2_LITE, DEEPSEEK_V3};

    /** A dense model with grouped-query attention ({@code llama}, {@code qwen2}). */
    public static ModelShape dense(String name, String architecture, String realModel, String preTokenizer,
                                   Sizes sizes) {
        return new ModelShape(name, architecture, realModel, preTokenizer, sizes, null, null, null);
    }

    /** A {@code deepseek2} model: latent attention, experts after the leading dense blocks, YaRN when not null. */
    public static ModelShape latentMixtureOfExperts(String name, String realModel, String preTokenizer, Sizes sizes,
                                                    LatentAttention latent, Experts experts, Yarn yarn) {
        return new ModelShape(name, "deepseek2", realModel, preTokenizer, sizes, Objects.requireNonNull(latent, "latent"),
                Objects.requireNonNull(experts, "experts"), yarn);
    }

    /** The shape called {@code name} (e.g. "deepseek-v2-lite"). */
    public static ModelShape byName(String name) {
        for (ModelShape s : ALL) {
            if (s.name.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + name + "'; known: " + names());
    }

    public static String names() {
        return Arrays.stream(ALL).map(ModelShape::name).toList().toString();
    }

    /** The same shape with only the first {@code n} layers (to fit a huge model in memory). */
    public ModelShape withLayers(int n) {
        if (n < 1 || n > layers()) {
            throw new IllegalArgumentException("--layers must be 1 to " + layers() + " for " + name + ", got " + n);
        }
        Sizes s = sizes;
        Sizes fewer = new Sizes(s.vocabulary(), s.embedding(), n, s.heads(), s.kvHeads(), s.feedForward(),
                s.contextLength(), s.ropeBase(), s.rmsEps(), s.qkvBias());
        Experts e = experts == null ? null : new Experts(Math.min(experts.leadingDense(), n), experts.count(),
                experts.used(), experts.shared(), experts.feedForward(), experts.weightsScale(), experts.weightsNorm(),
                experts.gatingFunc(), experts.groups(), experts.groupsUsed());
        return new ModelShape(name, architecture, realModel, preTokenizer, fewer, latent, e, yarn);
    }

    public int layers() {
        return sizes.layers();
    }

    public boolean isMixtureOfExperts() {
        return experts != null;
    }

    /** Writes the {@code <arch>.*} hyper-parameter keys llama.cpp reads for this architecture. */
    public void putHyperParameters(GgufWriter w) {
        new ArchKeyWriter(w, architecture).hyperParameters(this);
    }
}
