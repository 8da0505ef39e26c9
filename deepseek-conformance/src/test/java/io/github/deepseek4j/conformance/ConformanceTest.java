package io.github.deepseek4j.conformance;

import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.testing.RequiredUnderCi;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of {@code ../shared/conformance}: prefill as one batch, decode the rest one token at a time,
 * every row within the tolerance table. A case the engine cannot run yet (weight type without a kernel,
 * architecture not implemented) is skipped with the reason.
 */
class ConformanceTest {

    /**
     * Each case on the preferred kernels (the native ones on top where they run) and, when they differ,
     * on the Vector API kernels alone and on the scalar reference kernels; then on the BLAS backend where
     * the system's OpenBLAS is installed (skipped with the reason where it is not, a failure under CI=true).
     */
    @TestFactory
    Stream<DynamicTest> everyCasePasses() throws Exception {
        Path dir = SharedData.require("conformance");
        List<ConformanceCase> cases = ConformanceCase.discover(dir, null);
        Map<String, KernelBackend> backends = new LinkedHashMap<>();
        Stream.of(KernelBackends.preferred(), KernelBackends.vector(), KernelBackends.scalar())
                .forEach(b -> backends.putIfAbsent(b.name(), b));
        List<DynamicTest> skipped = new ArrayList<>();
        RequiredUnderCi.ifAvailable(KernelBackends::blas, why -> skipped.add(DynamicTest.dynamicTest("[blas]",
                () -> Assumptions.abort("BLAS backend unavailable: " + why)))).ifPresent(b -> backends.put(b.name(), b));
        return Stream.concat(backends.values().stream().flatMap(backend -> cases.stream().map(c -> caseTest(c, backend))),
                skipped.stream());
    }

    private static DynamicTest caseTest(ConformanceCase c, KernelBackend backend) {
        ConformanceRunner runner = new ConformanceRunner(backend, 2);
        return DynamicTest.dynamicTest(c.name() + " [" + backend.name() + "]", () -> {
            CaseResult r = runner.run(c);
            System.out.println(r.summary());
            Assumptions.assumeTrue(r.status() != CaseResult.Status.UNSUPPORTED, r.message());
            assertThat(r.failures()).as(r.summary()).isEmpty();
            assertThat(r.passed()).isTrue();
        });
    }
}
