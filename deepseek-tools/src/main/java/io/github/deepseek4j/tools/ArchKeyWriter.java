package io.github.deepseek4j.tools;

import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.gguf.MetadataKey;

import static io.github.deepseek4j.gguf.MetadataKey.*;

/** Writes a {@link ModelShape}'s hyper-parameters under the {@code <arch>.*} keys of the {@link MetadataKey} table. */
final class ArchKeyWriter {

    private final GgufWriter w;
    private final String architecture;

    ArchKeyWriter(GgufWriter w, String architecture) {
        this.w = w;
        this.architecture = architecture;
    }

    void hyperParameters(ModelShape shape) {
        ModelShape.Sizes s = shape.sizes();
        uint32(CONTEXT_LENGTH, s.contextLength());
        uint32(EMBEDDING_LENGTH, s.embedding());
        uint32(BLOCK_COUNT, s.layers());
        uint32(FEED_FORWARD_LENGTH, s.feedForward());
        uint32(ATTENTION_HEAD_COUNT, s.heads());
        uint32(ATTENTION_HEAD_COUNT_KV, s.kvHeads());
        float32(ROPE_FREQ_BASE, s.ropeBase());
        float32(ATTENTION_LAYER_NORM_RMS_EPSILON, s.rmsEps());
        uint32(VOCAB_SIZE, s.vocabulary());
        if (shape.latent() == null) {
            uint32(ROPE_DIMENSION_COUNT, s.headDim());
            return;
        }
        // llama.cpp's converter order, so that files come out byte for byte as before
        ModelShape.LatentAttention l = shape.latent();
        ModelShape.Experts e = shape.experts();
        uint32(ROPE_DIMENSION_COUNT, l.qkRope());
        uint32(LEADING_DENSE_BLOCK_COUNT, e.leadingDense());
        if (l.qLoraRank() > 0) {
            uint32(ATTENTION_Q_LORA_RANK, l.qLoraRank());
        }
        uint32(ATTENTION_KV_LORA_RANK, l.kvLoraRank());
        uint32(ATTENTION_KEY_LENGTH, l.qkNope() + l.qkRope());
        uint32(ATTENTION_VALUE_LENGTH, l.valueDim());
        experts(e);
        if (shape.yarn() != null) {
            yarn(shape.yarn());
        }
    }

    private void experts(ModelShape.Experts e) {
        uint32(EXPERT_FEED_FORWARD_LENGTH, e.feedForward());
        uint32(EXPERT_COUNT, e.count());
        uint32(EXPERT_SHARED_COUNT, e.shared());
        uint32(EXPERT_USED_COUNT, e.used());
        float32(EXPERT_WEIGHTS_SCALE, e.weightsScale());
        w.putBool(EXPERT_WEIGHTS_NORM.key(architecture), e.weightsNorm());
        uint32(EXPERT_GATING_FUNC, e.gatingFunc());
        if (e.groups() > 1) {
            uint32(EXPERT_GROUP_COUNT, e.groups());
            uint32(EXPERT_GROUP_USED_COUNT, e.groupsUsed());
        }
    }

    private void yarn(ModelShape.Yarn y) {
        w.putString(ROPE_SCALING_TYPE.key(architecture), "yarn");
        float32(ROPE_SCALING_FACTOR, y.factor());
        uint32(ROPE_SCALING_ORIGINAL_CONTEXT_LENGTH, y.originalContext());
        float32(ROPE_SCALING_YARN_LOG_MULTIPLIER, y.logMultiplier());
    }

    private void uint32(MetadataKey key, int value) {
        w.putUint32(key.key(architecture), value);
    }

    private void float32(MetadataKey key, float value) {
        w.putFloat32(key.key(architecture), value);
    }
}
