package io.github.deepseek4j.tokenizer.hf;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.bpe.ByteLevelBpeTokenizer;
import io.github.deepseek4j.tokenizer.pretokenize.PreTokenizer;
import io.github.deepseek4j.tokenizer.pretokenize.PreTokenizerPatterns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a Hugging Face {@code tokenizer.json} (and the {@code tokenizer_config.json} beside it,
 * for BOS/EOS) as a byte-level BPE tokenizer. Supported: a BPE model without byte fallback, no
 * normalizer, pre-tokenizers made of {@code Split} (isolated regex or string) and {@code ByteLevel}
 * steps. Anything else is refused with a {@link TokenizerException} naming the part: a tokenizer
 * that silently ignored a step would produce wrong ids.
 */
public final class HuggingFaceTokenizer {

    /** The split pattern of {@code ByteLevel} with {@code use_regex} (GPT-2's). */
    private static final String BYTE_LEVEL_PATTERN = PreTokenizerPatterns.forName("gpt-2").orElseThrow().getFirst();

    private HuggingFaceTokenizer() {
    }

    /** Loads {@code tokenizer.json} from a file or a directory holding it. */
    public static Tokenizer load(Path path) throws IOException {
        Path json = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        Path config = json.resolveSibling("tokenizer_config.json");
        Map<String, Object> tokenizer = object(Json.parse(Files.readString(json, StandardCharsets.UTF_8)), json.toString());
        Map<String, Object> tokenizerConfig = Files.exists(config)
                ? object(Json.parse(Files.readString(config, StandardCharsets.UTF_8)), config.toString())
                : Map.of();
        try {
            return build(tokenizer, tokenizerConfig);
        } catch (TokenizerException | ClassCastException e) {
            throw new TokenizerException(json + ": " + e.getMessage(), e);
        }
    }

    /** Builds the tokenizer from the parsed {@code tokenizer.json} and {@code tokenizer_config.json}. */
    public static Tokenizer build(Map<String, Object> tokenizer, Map<String, Object> config) {
        checkNormalizer(tokenizer.get("normalizer"));
        List<String> patterns = new ArrayList<>();
        addPreTokenizer(tokenizer.get("pre_tokenizer"), patterns);
        Map<String, Object> model = object(tokenizer.get("model"), "model");
        Vocabulary vocabulary = vocabulary(model, list(tokenizer.getOrDefault("added_tokens", List.of())), config);
        return new ByteLevelBpeTokenizer(vocabulary, PreTokenizer.of(patterns),
                Boolean.TRUE.equals(model.get("ignore_merges")));
    }

    private static Vocabulary vocabulary(Map<String, Object> model, List<Object> addedTokens, Map<String, Object> config) {
        if (!"BPE".equals(model.get("type"))) {
            throw new TokenizerException("model type '" + model.get("type") + "' is not supported (only BPE)");
        }
        if (Boolean.TRUE.equals(model.get("byte_fallback"))) {
            throw new TokenizerException("BPE with byte_fallback is not supported");
        }
        for (String key : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            Object value = model.get(key);
            if (value != null && !"".equals(value)) {
                throw new TokenizerException("BPE " + key + " is not supported");
            }
        }
        Map<String, Object> vocab = object(model.get("vocab"), "model.vocab");
        int size = 0;
        for (Object id : vocab.values()) {
            size = Math.max(size, tokenId(id) + 1);
        }
        for (Object added : addedTokens) {
            size = Math.max(size, tokenId(object(added, "added_tokens").get("id")) + 1);
        }
        if (size > vocab.size() + addedTokens.size()) {
            throw new TokenizerException("token ids go up to " + (size - 1) + " for " + vocab.size() + " vocabulary and "
                    + addedTokens.size() + " added tokens: ids must be dense");
        }
        String[] tokens = new String[size];
        TokenType[] types = new TokenType[size];
        vocab.forEach((text, id) -> {
            tokens[tokenId(id)] = text;
            types[tokenId(id)] = TokenType.NORMAL;
        });
        for (Object added : addedTokens) {
            Map<String, Object> token = object(added, "added_tokens");
            int id = tokenId(token.get("id"));
            tokens[id] = (String) token.get("content");
            types[id] = Boolean.TRUE.equals(token.get("special")) ? TokenType.CONTROL : TokenType.USER_DEFINED;
        }
        for (int id = 0; id < size; id++) {
            if (tokens[id] == null) {
                throw new TokenizerException("no token has id " + id);
            }
        }
        String[] merges = list(model.getOrDefault("merges", List.of())).stream().map(HuggingFaceTokenizer::merge)
                .toArray(String[]::new);
        SpecialTokenIds ids = new SpecialTokenIds(specialId(config.get("bos_token"), tokens),
                specialId(config.get("eos_token"), tokens), SpecialTokenIds.NONE, SpecialTokenIds.NONE,
                specialId(config.get("unk_token"), tokens), specialId(config.get("pad_token"), tokens));
        return new Vocabulary(TokenizerKind.BYTE_LEVEL_BPE, null, tokens, types, merges, null, ids,
                Boolean.TRUE.equals(config.get("add_bos_token")), Boolean.TRUE.equals(config.get("add_eos_token")),
                false);
    }

    /** A merge as {@code "left right"}; newer files write it as a two-element array. */
    private static String merge(Object merge) {
        if (merge instanceof String s) {
            return s;
        }
        List<Object> pair = list(merge);
        if (pair.size() != 2) {
            throw new TokenizerException("merge " + Json.write(merge) + " is not a pair");
        }
        return pair.get(0) + " " + pair.get(1);
    }

    private static void checkNormalizer(Object normalizer) {
        if (normalizer == null) {
            return;
        }
        Map<String, Object> n = object(normalizer, "normalizer");
        if (!"Sequence".equals(n.get("type")) || !list(n.get("normalizers")).isEmpty()) {
            throw new TokenizerException("normalizer " + Json.write(normalizer) + " is not supported");
        }
    }

    private static void addPreTokenizer(Object preTokenizer, List<String> patterns) {
        if (preTokenizer == null) {
            return;
        }
        Map<String, Object> p = object(preTokenizer, "pre_tokenizer");
        switch (String.valueOf(p.get("type"))) {
            case "Sequence" -> list(p.get("pretokenizers")).forEach(step -> addPreTokenizer(step, patterns));
            case "ByteLevel" -> {
                if (Boolean.TRUE.equals(p.get("add_prefix_space"))) {
                    throw new TokenizerException("ByteLevel pre-tokenizer with add_prefix_space is not supported");
                }
                if (!Boolean.FALSE.equals(p.get("use_regex"))) {
                    patterns.add(BYTE_LEVEL_PATTERN);
                }
            }
            case "Split" -> patterns.add(splitPattern(p));
            default -> throw new TokenizerException("pre-tokenizer " + Json.write(p) + " is not supported");
        }
    }

    private static String splitPattern(Map<String, Object> split) {
        if (!"Isolated".equals(split.get("behavior")) || Boolean.TRUE.equals(split.get("invert"))) {
            throw new TokenizerException("Split pre-tokenizer " + Json.write(split) + " is not supported (only Isolated)");
        }
        Map<String, Object> pattern = object(split.get("pattern"), "Split.pattern");
        if (pattern.get("Regex") instanceof String regex) {
            return regex;
        }
        if (pattern.get("String") instanceof String literal) {
            return java.util.regex.Pattern.quote(literal);
        }
        throw new TokenizerException("Split pattern " + Json.write(pattern) + " is neither Regex nor String");
    }

    /** The id of a config token ({@code "text"} or {@code {"content": "text"}}), or none. */
    private static int specialId(Object token, String[] tokens) {
        Object content = token instanceof Map<?, ?> m ? m.get("content") : token;
        if (!(content instanceof String text)) {
            return SpecialTokenIds.NONE;
        }
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id].equals(text)) {
                return id;
            }
        }
        throw new TokenizerException("tokenizer_config.json names token '" + text + "', which is not in the vocabulary");
    }

    private static int tokenId(Object id) {
        if (!(id instanceof Long l) || l < 0 || l > Integer.MAX_VALUE - 8) {
            throw new TokenizerException("token id " + id + " is not a valid id");
        }
        return l.intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new TokenizerException(what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (!(value instanceof List<?>)) {
            throw new TokenizerException(Json.write(value) + " is not a JSON array");
        }
        return (List<Object>) value;
    }
}
