package io.github.deepseek4j.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one-line message the CLI prints. */
final class CliErrors {

    private CliErrors() {
    }

    static String describe(Throwable e) {
        return switch (e) {
            case NoSuchFileException n -> "file not found: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
