package io.github.deepseek4j.testing;

import java.util.Random;

/** Random test text mixing scripts, white space, digits, punctuation, emoji and special-token markup. */
public final class MixedScriptText {

    private static final String[] FRAGMENTS = {
        "Hello", " world", "the", " The", "I'm", " 'll", "'VE", "don't", "e.g.", "x_1", "fooBar", "CamelCase",
        "0", "7", "42", "2026", "3.14159", "1,000,000", "½", "٣", "Ⅻ",
        " ", "  ", "   ", "\n", "\n\n", "\r\n", "\t", " \n ", "\u00A0", "\u3000", "\u2028", "\u0085",
        ".", ",", "!", "?", "...", "--", "~", "~~", "$", "+", "=", "<=", "->", "`", "|", "^", "@#", "&&", "\\", "\"",
        "()", "[]", "{}", "<>", "«»", "“quoted”", "…", "、", "。", "，", "！", "～", "·",
        "我想在", "工作", "天", "中文字符", "日本語", "ひらがな", "カタカナ", "ｶﾀｶﾅ", "한국어", "한글",
        "нещо на Български", "Привет", "Ελληνικά", "עברית", "العربية", "हिन्दी", "বাংলা", "ไทย", "ខ្មែរ", "ქართული",
        "Cửa Việt", "Führer", "naïve", "e\u0301", "a\u0308\u0323", "ﬁ", "Å",
        "🦙", "😁", "🚀", "😶\u200D🌫️", "👩🏽\u200D💻", "🇩🇪", "✅", "❤️", "\uD835\uDD04", "𝔘𝔫𝔦",
        "\u200B", "\uFEFF", "\u00AD", "\uE000", "\u0378", "\u0000", "\u001F",
        "<｜User｜>", "<｜Assistant｜>", "<｜end▁of▁sentence｜>", "<｜begin▁of▁sentence｜>", "<｜tool▁sep｜>", "<|EOT|>",
        "<think>", "</think>", "```java\n", "    return x;\n", "if (a < b) {", "def f(x):\n\treturn x**2",
    };

    private MixedScriptText() {
    }

    /** Concatenates {@code fragments} random pieces; about one in five is a random code point instead. */
    public static String random(Random random, int fragments) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            if (random.nextInt(5) == 0) {
                sb.appendCodePoint(randomCodePoint(random));
            } else {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return sb.toString();
    }

    /** Any scalar value (no surrogates), biased towards the Basic Multilingual Plane. */
    public static int randomCodePoint(Random random) {
        while (true) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(0x110000);
            };
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                return cp;
            }
        }
    }
}
