package io.github.deepseek4j.fuzz;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one fuzz target reads, and which failures count as the documented, typed ones.
 *
 * @param seeds      valid inputs to mutate, generated in code
 * @param dictionary tokens of the format that mutations insert (empty for binary formats)
 * @param typed      the exceptions the reader documents for bad input; anything else is a finding
 */
record FuzzTarget(String name, List<byte[]> seeds, List<String> dictionary, Reader reader, Predicate<Throwable> typed) {

    /** Reads one input; returns normally when it was accepted. */
    @FunctionalInterface
    interface Reader {
        void read(byte[] input) throws Exception;
    }
}
