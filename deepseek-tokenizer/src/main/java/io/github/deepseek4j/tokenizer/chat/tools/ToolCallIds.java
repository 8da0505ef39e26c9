package io.github.deepseek4j.tokenizer.chat.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for calls whose format carries none: {@code call_} and 24 hex digits of a hash of the call's
 * position, name and arguments. Deterministic (the same output always gets the same ids, so seeded runs
 * and tests repeat) and distinct between the calls of one output.
 */
final class ToolCallIds {

    private ToolCallIds() {
    }

    static String of(int index, String name, String arguments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((index + "\0" + name + "\0" + arguments).getBytes(StandardCharsets.UTF_8));
            return "call_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
