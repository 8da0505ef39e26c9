package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.tokenizer.pretokenize.PreTokenizerPatterns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code tokenizer.ggml.*} keys for a byte-level BPE {@code tokenizer.json}: tokens in id
 * order (padded to the model's vocabulary size), token types, merges, the pre-tokenizer name,
 * special token ids and the chat template.
 */
final class HfTokenizerKeys {

    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_USER_DEFINED = 4;
    private static final int TYPE_UNUSED = 5;
    /** When several names share one set of patterns, the first listed here is written. */
    private static final List<String> PREFERRED_NAMES = List.of("deepseek-v3", "deepseek-llm", "deepseek-coder",
            "qwen2", "llama-bpe", "gpt-2");

    private HfTokenizerKeys() {
    }

    @SuppressWarnings("unchecked")
    static void write(Path dir, int vocabularySize, GgufWriter w) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Map<String, Object> tok = (Map<String, Object>) HfCheckpoint.readJson(file);
        Map<String, Object> model = (Map<String, Object>) tok.get("model");
        if (model == null || !"BPE".equals(model.get("type"))) {
            throw new ModelFormatException(file + ": only BPE tokenizers can be converted, found "
                    + (model == null ? "no model" : model.get("type")));
        }
        Map<String, Object> vocab = (Map<String, Object>) model.get("vocab");
        List<Map<String, Object>> added = (List<Map<String, Object>>) tok.getOrDefault("added_tokens", List.of());
        int size = vocabularySize;
        for (Object id : vocab.values()) {
            size = Math.max(size, (int) (long) (Long) id + 1);
        }
        for (Map<String, Object> a : added) {
            size = Math.max(size, (int) (long) (Long) a.get("id") + 1);
        }
        String[] tokens = new String[size];
        int[] types = new int[size];
        vocab.forEach((text, id) -> {
            tokens[(int) (long) (Long) id] = text;
            types[(int) (long) (Long) id] = TYPE_NORMAL;
        });
        for (Map<String, Object> a : added) {
            int id = (int) (long) (Long) a.get("id");
            tokens[id] = (String) a.get("content");
            types[id] = Boolean.TRUE.equals(a.get("special")) ? TYPE_CONTROL : TYPE_USER_DEFINED;
        }
        for (int i = 0; i < size; i++) {
            if (tokens[i] == null) {
                tokens[i] = "[PAD" + i + "]";
                types[i] = TYPE_UNUSED;
            }
        }
        w.putString(MetadataKey.TOKENIZER_MODEL.key(), "gpt2");
        w.putString(MetadataKey.TOKENIZER_PRE.key(), preTokenizerName(file, tok));
        w.putArray(MetadataKey.TOKENIZER_TOKENS.key(), GgufArray.ofStrings(tokens));
        w.putArray(MetadataKey.TOKENIZER_TOKEN_TYPE.key(), GgufArray.ofInts(types));
        w.putArray(MetadataKey.TOKENIZER_MERGES.key(), GgufArray.ofStrings(merges(model)));

        Path configFile = dir.resolve("tokenizer_config.json");
        if (Files.exists(configFile)) {
            Map<String, Object> config = (Map<String, Object>) HfCheckpoint.readJson(configFile);
            List<String> all = Arrays.asList(tokens);
            specialId(config, "bos_token", all).ifPresent(id -> w.putUint32(MetadataKey.TOKENIZER_BOS_ID.key(), id));
            specialId(config, "eos_token", all).ifPresent(id -> w.putUint32(MetadataKey.TOKENIZER_EOS_ID.key(), id));
            specialId(config, "pad_token", all).ifPresent(id -> w.putUint32(MetadataKey.TOKENIZER_PADDING_ID.key(), id));
            if (config.get("add_bos_token") instanceof Boolean b) {
                w.putBool(MetadataKey.TOKENIZER_ADD_BOS.key(), b);
            }
            if (config.get("add_eos_token") instanceof Boolean b) {
                w.putBool(MetadataKey.TOKENIZER_ADD_EOS.key(), b);
            }
            if (config.get("chat_template") instanceof String template) {
                w.putString(MetadataKey.TOKENIZER_CHAT_TEMPLATE.key(), template);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String[] merges(Map<String, Object> model) {
        List<Object> raw = (List<Object>) model.getOrDefault("merges", List.of());
        String[] out = new String[raw.size()];
        for (int i = 0; i < out.length; i++) {
            // Newer tokenizer.json files store each merge as a pair instead of "a b".
            out[i] = raw.get(i) instanceof List<?> pair ? pair.get(0) + " " + pair.get(1) : (String) raw.get(i);
        }
        return out;
    }

    private static java.util.Optional<Integer> specialId(Map<String, Object> config, String key, List<String> tokens) {
        Object v = config.get(key);
        String text = v instanceof Map<?, ?> m ? (String) m.get("content") : v instanceof String s ? s : null;
        int id = text == null ? -1 : tokens.indexOf(text);
        return id < 0 ? java.util.Optional.empty() : java.util.Optional.of(id);
    }

    /** The llama.cpp pre-tokenizer name whose split patterns equal the Split rules of tokenizer.json. */
    @SuppressWarnings("unchecked")
    private static String preTokenizerName(Path file, Map<String, Object> tok) throws ModelFormatException {
        List<String> patterns = new ArrayList<>();
        Object pre = tok.get("pre_tokenizer");
        List<Object> rules = pre instanceof Map<?, ?> m && m.get("pretokenizers") instanceof List<?> l
                ? (List<Object>) l : pre == null ? List.of() : List.of(pre);
        for (Object rule : rules) {
            Map<String, Object> r = (Map<String, Object>) rule;
            if ("Split".equals(r.get("type")) && r.get("pattern") instanceof Map<?, ?> p && p.get("Regex") instanceof String re) {
                patterns.add(re);
            }
        }
        List<String> candidates = new ArrayList<>(PREFERRED_NAMES);
        PreTokenizerPatterns.names().stream().sorted().filter(n -> !candidates.contains(n)).forEach(candidates::add);
        for (String name : candidates) {
            if (PreTokenizerPatterns.forName(name).filter(patterns::equals).isPresent()) {
                return name;
            }
        }
        throw new ModelFormatException(file + ": its pre-tokenizer split patterns " + patterns
                + " match none of the known pre-tokenizers " + PreTokenizerPatterns.names());
    }
}
