package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages deepseek-core exports, as the README lists them: the API, and the SPI for implementing an
 * architecture. Everything else is internal and may change in any release. The jar is an automatic module
 * ({@code Automatic-Module-Name}, see the README for why there is no {@code module-info}), so the module
 * system cannot enforce this; these tests do: every package is classified, and no exported signature
 * names an internal type.
 */
class ExportedPackagesTest {

    /** What applications use: models, sessions, chat, options, results; GGUF files and model sources. */
    static final Set<String> API = Set.of("io.github.deepseek4j", "io.github.deepseek4j.gguf",
            "io.github.deepseek4j.source", "io.github.deepseek4j.tensor");

    /**
     * What an architecture implementation uses beside the API: the contract, the building blocks, and the KV
     * cache its state holds.
     */
    static final Set<String> SPI = Set.of("io.github.deepseek4j.arch", "io.github.deepseek4j.arch.block",
            "io.github.deepseek4j.runtime");

    /** The implementations behind them: the built-in architectures, sampling, text assembly. */
    static final Set<String> INTERNAL = Set.of("io.github.deepseek4j.arch.deepseek2", "io.github.deepseek4j.arch.llama",
            "io.github.deepseek4j.arch.qwen2", "io.github.deepseek4j.runtime.sampling", "io.github.deepseek4j.runtime.text");

    @Test
    void everyPackageIsExportedOrInternal() throws Exception {
        Set<String> classified = new TreeSet<>(API);
        classified.addAll(SPI);
        classified.addAll(INTERNAL);
        assertThat(PublicSignatures.packages()).as("a new package goes into API, SPI or INTERNAL").isEqualTo(classified);
    }

    @Test
    void exportedSignaturesNameNoInternalType() throws Exception {
        Map<String, Set<String>> leaks = new TreeMap<>();
        for (String pkg : exported()) {
            for (Class<?> type : PublicSignatures.visibleTypes(pkg)) {
                for (Class<?> used : PublicSignatures.referencedBy(type)) {
                    if (INTERNAL.contains(used.getPackageName())) {
                        leaks.computeIfAbsent(type.getName(), k -> new TreeSet<>()).add(used.getName());
                    }
                }
            }
        }
        assertThat(leaks).as("exported type -> internal types its public signatures name").isEmpty();
    }

    private static Set<String> exported() {
        Set<String> exported = new TreeSet<>(API);
        exported.addAll(SPI);
        return exported;
    }
}
