package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;

/** A GGUF file breaks the format; carries the file and the byte offset where the problem was found. */
public final class GgufFormatException extends ModelFormatException {

    private final String file;
    private final long offset;

    public GgufFormatException(String file, long offset, String problem) {
        super(file + " at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    /** The file (or source) name the problem was found in. */
    public String file() {
        return file;
    }

    /** Byte offset in that file where the problem was found. */
    public long offset() {
        return offset;
    }
}
