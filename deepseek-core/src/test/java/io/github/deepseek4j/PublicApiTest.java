package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API package speaks in its own types and the JDK's. What it still borrows from other packages is
 * listed here, so that the list can only shrink (issue #19 moves these into the API package).
 */
class PublicApiTest {

    private static final String API_PACKAGE = Model.class.getPackageName();

    /** Types of other packages that public signatures in the API package still use. */
    private static final Set<String> STILL_BORROWED = Set.of(
            "io.github.deepseek4j.gguf.GgufFile",
            "io.github.deepseek4j.quant.KernelBackend",
            "io.github.deepseek4j.quant.GgmlType",
            "io.github.deepseek4j.source.ModelCache",
            "io.github.deepseek4j.tokenizer.Tokenizer",
            "io.github.deepseek4j.tokenizer.chat.ChatTemplate");

    @Test
    void publicSignaturesBorrowOnlyTheListedTypes() throws Exception {
        Set<String> borrowed = new TreeSet<>();
        for (Class<?> type : PublicSignatures.visibleTypes(API_PACKAGE)) {
            for (Class<?> used : PublicSignatures.referencedBy(type)) {
                if (!used.getPackageName().startsWith("java.") && !used.getPackageName().equals(API_PACKAGE)) {
                    borrowed.add(used.getName());
                }
            }
        }
        assertThat(borrowed).as("remove a type from STILL_BORROWED once the API stops using it")
                .isEqualTo(STILL_BORROWED);
    }
}
