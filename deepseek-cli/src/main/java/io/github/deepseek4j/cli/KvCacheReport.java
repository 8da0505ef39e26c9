package io.github.deepseek4j.cli;

import io.github.deepseek4j.arch.Architectures;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.source.ModelSources;
import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
            String arch = m.getString("general.architecture");
            String a = arch + ".";
            long f32 = 4 * Architectures.forName(arch).cacheValuesPerToken(gguf);
            long trained = m.getLong(a + "context_length");
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("architecture", arch);
            report.put("bytes_per_token_f32", f32);
            report.put("bytes_per_token_f16", f32 / 2);
            report.put("trained_context_length", trained);
            report.put("bytes_at_trained_context_f32", f32 * trained);
            if (m.contains(a + "attention.kv_lora_rank")) {
                boolean mlaLayout = m.contains(a + "attention.key_length_mla");
                long layers = m.getLong(a + "block_count") - m.getLong(a + "nextn_predict_layers", 0);
                long key = m.getLong(a + (mlaLayout ? "attention.key_length_mla" : "attention.key_length"));
                long value = m.getLong(a + (mlaLayout ? "attention.value_length_mla" : "attention.value_length"));
                long expanded = 4 * layers * m.getLong(a + "attention.head_count") * (key + value);
                report.put("latent_values_per_token_per_layer",
                        m.getLong(a + "attention.kv_lora_rank") + m.getLong(a + "rope.dimension_count"));
                report.put("expanded_bytes_per_token_f32", expanded);
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
