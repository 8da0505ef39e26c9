package io.github.deepseek4j.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes generated tokens one at a time. A token may end inside a multi-byte UTF-8 character
 * (byte-level BPE splits emoji and CJK across tokens): those bytes are held back until the
 * following tokens complete the character, so every returned string is whole characters.
 * Bytes that can never form a character come out as U+FFFD. Not thread-safe.
 */
public final class StreamingDecoder {

    private final Tokenizer tokenizer;
    private final boolean renderSpecial;
    private boolean stripLeadingSpace;
    private byte[] pending = new byte[16];
    private int pendingLength;

    StreamingDecoder(Tokenizer tokenizer, boolean renderSpecial, boolean stripLeadingSpace) {
        this.tokenizer = tokenizer;
        this.renderSpecial = renderSpecial;
        this.stripLeadingSpace = stripLeadingSpace;
    }

    /** Adds a token; returns the text it completes (possibly empty, never half a character). */
    public String accept(int id) {
        byte[] piece = tokenizer.pieceBytes(id, renderSpecial);
        int from = 0;
        if (stripLeadingSpace && piece.length > 0) {
            stripLeadingSpace = false;
            if (piece[0] == ' ') {
                from = 1;
            }
        }
        append(piece, from);
        int complete = completePrefixLength(pending, pendingLength);
        return take(complete);
    }

    /** Returns whatever is held back (an unfinished character becomes U+FFFD) and empties the decoder. */
    public String flush() {
        return take(pendingLength);
    }

    /** Number of bytes held back waiting for the rest of a character. */
    public int pendingBytes() {
        return pendingLength;
    }

    private void append(byte[] piece, int from) {
        int add = piece.length - from;
        if (pendingLength + add > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + add));
        }
        System.arraycopy(piece, from, pending, pendingLength, add);
        pendingLength += add;
    }

    private String take(int length) {
        if (length == 0) {
            return "";
        }
        String text = new String(pending, 0, length, StandardCharsets.UTF_8);
        System.arraycopy(pending, length, pending, 0, pendingLength - length);
        pendingLength -= length;
        return text;
    }

    /**
     * Length of the prefix that ends on a character boundary: the bytes after the last lead byte
     * are held back when they are fewer than that lead byte announces.
     */
    static int completePrefixLength(byte[] bytes, int length) {
        for (int back = 1; back <= 4 && back <= length; back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for its lead byte
            }
            int needed = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
            return back < needed ? length - back : length;
        }
        return length;
    }
}
