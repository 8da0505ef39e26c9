package io.github.deepseek4j.cli;

import io.github.deepseek4j.arch.ArchMetadata;
import io.github.deepseek4j.arch.Architectures;
import io.github.deepseek4j.arch.deepseek2.DeepSeek2HyperParameters;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.source.ModelSources;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.deepseek4j.gguf.MetadataKey.*;

/**
 * {@code inspect --kv}, from metadata alone: what one token costs in the KV cache as this engine stores it (float32; F16
 * would be half), and, for multi-head latent attention, what a cache of expanded per-head keys and
 * values would cost instead.
 */
final class KvCacheReport {

    private KvCacheReport() {
    }

    static void print(Path file, boolean json, PrintWriter out) throws IOException {
        try (GgufFile gguf = GgufFile.open(ModelSources.resolve(file))) {
            GgufMetadata m = gguf.metadata();
            String arch = m.getString(GENERAL_ARCHITECTURE.key());
            long f32 = 4 * Architectures.forName(arch).cacheValuesPerToken(gguf);
            long trained = m.getLong(CONTEXT_LENGTH.key(arch));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("architecture", arch);
            report.put("bytes_per_token_f32", f32);
            report.put("bytes_per_token_f16", f32 / 2);
            report.put("trained_context_length", trained);
            report.put("bytes_at_trained_context_f32", f32 * trained);
            if (m.contains(ATTENTION_KV_LORA_RANK.key(arch))) {
                DeepSeek2HyperParameters hp = DeepSeek2HyperParameters.read(new ArchMetadata(gguf));
                report.put("latent_values_per_token_per_layer", (long) hp.latentWidth());
                report.put("expanded_bytes_per_token_f32", 4 * hp.expandedCacheValuesPerToken());
            }
            if (json) {
                out.println(Json.write(report));
                return;
            }
            out.printf("architecture:              %s%n", arch);
            out.printf("KV cache per token:        %s (float32, as cached), %s at F16%n", bytes(f32), bytes(f32 / 2));
            out.printf("at the trained context:    %s for %,d tokens%n", bytes(f32 * trained), trained);
            if (report.containsKey("expanded_bytes_per_token_f32")) {
                long expanded = (Long) report.get("expanded_bytes_per_token_f32");
                out.printf("latent cache:              %d values per token per layer (kv_lora_rank + rope dims)%n",
                        (Long) report.get("latent_values_per_token_per_layer"));
                out.printf("expanded keys and values:  %s per token, %.1fx the latent cache%n", bytes(expanded),
                        (double) expanded / f32);
            }
        }
    }

    private static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.2f GiB", n / (double) (1L << 30));
        }
        return n >= 1 << 20 ? String.format("%.2f MiB", n / 1048576.0)
                : n >= 1024 ? String.format("%.1f KiB", n / 1024.0) : n + " bytes";
    }
}
