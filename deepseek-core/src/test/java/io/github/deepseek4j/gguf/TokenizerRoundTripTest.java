package io.github.deepseek4j.gguf;

import io.github.deepseek4j.testing.MixedScriptText;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.StreamingDecoder;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests over every byte-level BPE vocabulary in ../shared/tokenizer: decoding the
 * encoding of any valid Unicode text gives the text back, and the streaming decoder never hands
 * out part of a character. Falcon and StarCoder lack the tokens of a few byte values (Falcon has
 * none for 0x03, 0xF2..., StarCoder none for 0xF1): no tokenizer can express text with those
 * bytes in them, so their random text avoids them.
 */
class TokenizerRoundTripTest {

    private static final int STRINGS = 100;

    @TestFactory
    Stream<DynamicTest> decodeOfEncodeIsIdentityAndStreamingIsWholeCharacters() throws IOException {
        return SharedData.tokenizerVocabularies().stream().map(path -> DynamicTest.dynamicTest(
                path.getFileName().toString(), () -> check(path)));
    }

    private static void check(Path path) throws IOException {
        Tokenizer tokenizer = GgufTokenizers.load(path);
        if (tokenizer.vocabulary().kind() != TokenizerKind.BYTE_LEVEL_BPE) {
            return;
        }
        boolean[] expressible = expressibleBytes(tokenizer);
        Random random = new Random(path.getFileName().toString().hashCode());
        for (int i = 0; i < STRINGS; i++) {
            String text;
            do {
                text = i % 2 == 0 ? MixedScriptText.random(random, 1 + random.nextInt(40)) : randomCodePoints(random);
            } while (!allExpressible(text, expressible));
            int[] ids = tokenizer.encode(text, false, false);
            assertThat(tokenizer.decode(ids)).as("round trip of %s", text).isEqualTo(text);
            assertStreamsWholeCharacters(tokenizer, ids, text);
        }
    }

    /** The byte values the vocabulary has a single-byte token for. */
    private static boolean[] expressibleBytes(Tokenizer tokenizer) {
        boolean[] expressible = new boolean[256];
        for (int id = 0; id < tokenizer.vocabularySize(); id++) {
            byte[] piece = tokenizer.pieceBytes(id, false);
            if (piece.length == 1 && tokenizer.tokenType(id) == TokenType.NORMAL) {
                expressible[piece[0] & 0xFF] = true;
            }
        }
        return expressible;
    }

    private static boolean allExpressible(String text, boolean[] expressible) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (!expressible[b & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    private static String randomCodePoints(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(MixedScriptText.randomCodePoint(random));
        }
        return sb.toString();
    }

    private static void assertStreamsWholeCharacters(Tokenizer tokenizer, int[] ids, String text) {
        StreamingDecoder decoder = tokenizer.streamingDecoder(false);
        StringBuilder streamed = new StringBuilder();
        for (int id : ids) {
            String chunk = decoder.accept(id);
            if (!text.contains("\uFFFD")) {
                assertThat(chunk).as("chunk of %s", text).doesNotContain("\uFFFD");
            }
            if (!chunk.isEmpty()) {
                assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
            }
            streamed.append(chunk);
        }
        assertThat(decoder.pendingBytes()).isZero();
        streamed.append(decoder.flush());
        assertThat(streamed.toString()).isEqualTo(text);
    }
}
