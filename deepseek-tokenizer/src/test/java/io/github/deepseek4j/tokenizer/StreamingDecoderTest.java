package io.github.deepseek4j.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingDecoderTest {

    private static int complete(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return StreamingDecoder.completePrefixLength(b, b.length);
    }

    @Test
    void holdsBackOnlyAnUnfinishedCharacter() {
        assertThat(complete()).isZero();
        assertThat(complete(0x41)).isEqualTo(1);
        assertThat(complete(0xE4, 0xB8)).isZero();
        assertThat(complete(0xE4, 0xB8, 0xAD)).isEqualTo(3);
        assertThat(complete(0x41, 0xF0, 0x9F, 0x98)).isEqualTo(1);
        assertThat(complete(0xF0, 0x9F, 0x98, 0x80)).isEqualTo(4);
        // bytes that can never complete a character are let through (they decode to U+FFFD)
        assertThat(complete(0x80)).isEqualTo(1);
        assertThat(complete(0xFF)).isEqualTo(1);
        assertThat(complete(0x80, 0x80, 0x80, 0x80, 0x80)).isEqualTo(5);
    }

    @Test
    void emitsEachCharacterWhenItsLastByteArrives() {
        // a tokenizer whose tokens are single bytes: every multi-byte character spans several tokens
        Tokenizer t = Tokenizers.create(TestVocabularies.byteLevel("gpt-2", List.of(), List.of(), List.of(), List.of(), false));
        StreamingDecoder decoder = t.streamingDecoder(false);
        StringBuilder seen = new StringBuilder();
        for (int id : t.encode("a中🦙", false, false)) {
            String chunk = decoder.accept(id);
            assertThat(chunk).doesNotContain("\uFFFD");
            seen.append(chunk).append('|');
        }
        assertThat(seen.toString()).isEqualTo("a|||中||||🦙|");
        assertThat(decoder.flush()).isEmpty();
        decoder.accept(0xE4);
        assertThat(decoder.pendingBytes()).isEqualTo(1);
        assertThat(decoder.flush()).isEqualTo("\uFFFD");
    }
}
