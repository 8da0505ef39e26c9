package io.github.deepseek4j.tokenizer.pretokenize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The split patterns of every known byte-level BPE pre-tokenizer, keyed by the GGUF value
 * {@code tokenizer.ggml.pre}: the patterns llama.cpp applies, in order (each splits every piece
 * the previous ones produced). Non-ASCII characters are written as escapes.
 */
public final class PreTokenizerPatterns {

    /** The name whose patterns serve vocabularies that name none (as llama.cpp does). */
    public static final String DEFAULT = "default";

    /** llama3, llama-v3, llama-bpe, falcon3, dbrx, smaug-bpe, chatglm-bpe. */
    private static final List<String> LLAMA3 = List.of(
            "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");

    /** deepseek-llm. */
    private static final List<String> DEEPSEEK_LLM = List.of(
            "[\r\n]",
            "\\s?[A-Za-z\u00B5\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u01BA\u01BC-\u01BF\u01C4-\u0293\u0295-\u02AF\u0370-\u0373\u0376\u0377\u037B-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u10A0-\u10C5\u13A0-\u13F5\u13F8-\u13FD\u1C90-\u1CBA\u1CBD-\u1CBF\u1D00-\u1D2B\u1D6B-\u1D77\u1D79-\u1D9A\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2134\u2139\u213C-\u213F\u2145-\u2149\u214E\u2183\u2184\u2C00-\u2C7B\u2C7E-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\uA640-\uA66D\uA680-\uA69B\uA722-\uA76F\uA771-\uA787\uA78B-\uA78E\uAB70-\uABBF\uFB00-\uFB06\uFB13-\uFB17\uFF21-\uFF3A\uFF41-\uFF5A\uD801\uDC00-\uD801\uDC4F\uD801\uDCB0-\uD801\uDCD3\uD801\uDCD8-\uD801\uDCFB\uD803\uDC80-\uD803\uDCB2\uD803\uDCC0-\uD803\uDCF2\uD806\uDCA0-\uD806\uDCDF\uD83A\uDD00-\uD83A\uDD43]+",
            "\\s?[!-/:-~\uFF01-\uFF0F\uFF1A-\uFF5E\u2018-\u201F\u3000-\u3002]+",
            "\\s+$",
            "[\u4E00-\u9FA5\u0800-\u4E00\uAC00-\uD7FF]+",
            "\\p{N}+");

    /** deepseek-v3. */
    private static final List<String> DEEPSEEK_V3 = List.of(
            "\\p{N}{1,3}",
            "[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+",
            "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+");

    /** deepseek-coder. */
    private static final List<String> DEEPSEEK_CODER = List.of(
            "[\r\n]",
            "\\s?\\p{L}+",
            "\\s?\\p{P}+",
            "[\u4E00-\u9FA5\u0800-\u4E00\uAC00-\uD7FF]+",
            "\\p{N}");

    /** falcon. */
    private static final List<String> FALCON = List.of(
            "[\\p{P}\\$\\+<=>\\^~\\|`]+",
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)",
            "[0-9][0-9][0-9]");

    /** starcoder, refact, command-r, smollm, codeshell, exaone, minerva-7b. */
    private static final List<String> STARCODER = List.of(
            "\\p{N}",
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)");

    /** gpt-2, phi-2, jina-es, jina-de, gigachat, jina-v1-en, jina-v2-es, jina-v2-de, jina-v2-code, roberta-bpe, mpt, olmo, jais. */
    private static final List<String> GPT2 = List.of(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)");

    /** stablelm2, qwen2, deepseek-r1-qwen, megrez. */
    private static final List<String> QWEN2 = List.of(
            "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");

    /** poro-chat, bloom, gpt3-finnish. */
    private static final List<String> BLOOM = List.of(
            " ?[^(\\s|.,!?\u2026\u3002\uFF0C\u3001\u0964\u06D4\u060C)]+");

    /** viking. */
    private static final List<String> VIKING = List.of(
            " ?[^(\\s|.,!?\u2026\u3002\uFF0C\u3001\u0964\u06D4\u060C)]+",
            "\\p{N}");

    /** default. */
    private static final List<String> DEFAULT_PATTERNS = List.of(
            "[\\p{P}\\$\\+<=>\\^~\\|]+",
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)",
            "\\p{N}+",
            "[0-9][0-9][0-9]");

    private static final Map<String, List<String>> BY_NAME = Map.ofEntries(
            Map.entry("llama3", LLAMA3),
            Map.entry("llama-v3", LLAMA3),
            Map.entry("llama-bpe", LLAMA3),
            Map.entry("falcon3", LLAMA3),
            Map.entry("dbrx", LLAMA3),
            Map.entry("smaug-bpe", LLAMA3),
            Map.entry("chatglm-bpe", LLAMA3),
            Map.entry("deepseek-llm", DEEPSEEK_LLM),
            Map.entry("deepseek-v3", DEEPSEEK_V3),
            Map.entry("deepseek-coder", DEEPSEEK_CODER),
            Map.entry("falcon", FALCON),
            Map.entry("starcoder", STARCODER),
            Map.entry("refact", STARCODER),
            Map.entry("command-r", STARCODER),
            Map.entry("smollm", STARCODER),
            Map.entry("codeshell", STARCODER),
            Map.entry("exaone", STARCODER),
            Map.entry("minerva-7b", STARCODER),
            Map.entry("gpt-2", GPT2),
            Map.entry("phi-2", GPT2),
            Map.entry("jina-es", GPT2),
            Map.entry("jina-de", GPT2),
            Map.entry("gigachat", GPT2),
            Map.entry("jina-v1-en", GPT2),
            Map.entry("jina-v2-es", GPT2),
            Map.entry("jina-v2-de", GPT2),
            Map.entry("jina-v2-code", GPT2),
            Map.entry("roberta-bpe", GPT2),
            Map.entry("mpt", GPT2),
            Map.entry("olmo", GPT2),
            Map.entry("jais", GPT2),
            Map.entry("stablelm2", QWEN2),
            Map.entry("qwen2", QWEN2),
            Map.entry("deepseek-r1-qwen", QWEN2),
            Map.entry("megrez", QWEN2),
            Map.entry("poro-chat", BLOOM),
            Map.entry("bloom", BLOOM),
            Map.entry("gpt3-finnish", BLOOM),
            Map.entry("viking", VIKING),
            Map.entry("default", DEFAULT_PATTERNS));

    /** Pre-tokenizers whose vocabularies take a whole piece as one token when it is one, before merging. */
    private static final Set<String> IGNORE_MERGES = Set.of("llama3", "llama-v3", "llama-bpe", "falcon3");

    private PreTokenizerPatterns() {
    }

    /** The patterns of a pre-tokenizer, or empty when the name is unknown. */
    public static Optional<List<String>> forName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every known name. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** Whether the vocabulary looks a piece up whole before applying merges (llama 3). */
    public static boolean ignoresMerges(String name) {
        return IGNORE_MERGES.contains(name);
    }
}
