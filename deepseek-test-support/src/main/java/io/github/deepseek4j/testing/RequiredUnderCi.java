package io.github.deepseek4j.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Something optional on a developer's machine (a native library, a compiled kernel) that CI always has:
 * absent, a test is skipped with the reason, except under {@code CI=true}, where it is a failure.
 */
public final class RequiredUnderCi {

    private RequiredUnderCi() {
    }

    /**
     * What {@code supplier} gives, or empty when it throws an {@link IllegalStateException} saying why not
     * (a failure instead under {@code CI=true}).
     */
    public static <T> Optional<T> ifAvailable(Supplier<T> supplier) {
        return ifAvailable(supplier, why -> {
        });
    }

    /** What {@code supplier} gives, else the calling test is skipped naming {@code what} and why. */
    public static <T> T require(String what, Supplier<T> supplier) {
        return ifAvailable(supplier, why -> Assumptions.abort(what + " cannot run here, skipped: " + why)).orElseThrow();
    }

    /** {@link #ifAvailable(Supplier)}, telling {@code whenMissing} why when it is empty. */
    public static <T> Optional<T> ifAvailable(Supplier<T> supplier, Consumer<String> whenMissing) {
        try {
            return Optional.of(supplier.get());
        } catch (IllegalStateException e) {
            if (SharedData.isCi()) {
                Assertions.fail("CI=true, yet " + e.getMessage(), e);
            }
            whenMissing.accept(e.getMessage());
            return Optional.empty();
        }
    }
}
