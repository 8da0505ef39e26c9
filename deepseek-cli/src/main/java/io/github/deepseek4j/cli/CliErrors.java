package io.github.deepseek4j.cli;

import io.github.deepseek4j.ContextOverflowException;
import io.github.deepseek4j.DeepSeekException;
import io.github.deepseek4j.quant.BackendUnavailableException;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one-line message the CLI prints. */
final class CliErrors {

    private CliErrors() {
    }

    /** Problems with what the user gave us (files, names, values), as opposed to bugs. */
    static boolean isBadInput(Throwable e) {
        return e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof UnsupportedWeightTypeException || e instanceof UnsupportedOperationException
                || e instanceof BackendUnavailableException
                || e instanceof DeepSeekException; // unsupported model, context overflow, broken chat template
    }

    static String describe(Throwable e) {
        return switch (e) {
            case NoSuchFileException n -> "file not found: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case ContextOverflowException c -> c.position() + c.requested() + " tokens do not fit the context of "
                    + c.contextLength() + " (" + c.position() + " already held, " + c.requested()
                    + " fed); raise it with --context N";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
