package io.github.deepseek4j.quant.ffi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernels built from {@code src/main/c} into the jar: copied to a temporary file and loaded once per
 * JVM, then asked which of its variants ({@link #VARIANTS}) the CPU runs. Either {@link #symbols()} is
 * usable or {@link #problem()} says why not.
 */
final class NativeLibrary {

    static final String RESOURCE = "/native/linux-x86-64/libdeepseek4j_kernels.so";

    private static final class Loaded {
        static final NativeLibrary INSTANCE = load(RESOURCE);
    }

    /** The instruction-set variants compiled into the library (kernels.c), narrowest first. */
    static final List<String> VARIANTS = List.of("avx2", "avx512");

    /** A symbol every variant has, to see whether the library holds it. */
    private static final String PROBE = "deepseek4j_q8_0_rows_";

    private final SymbolLookup symbols;
    private final String problem;
    private final List<String> variants;

    private NativeLibrary(SymbolLookup symbols, String problem, List<String> variants) {
        this.symbols = symbols;
        this.problem = problem;
        this.variants = variants;
    }

    private static NativeLibrary unusable(String problem) {
        return new NativeLibrary(null, problem, List.of());
    }

    /** The library in this jar, loaded on first use. */
    static NativeLibrary get() {
        return Loaded.INSTANCE;
    }

    /** @throws IllegalStateException saying why the kernels cannot run here */
    SymbolLookup symbols() {
        if (symbols == null) {
            throw new IllegalStateException("the native kernels cannot run here: " + problem);
        }
        return symbols;
    }

    /** Why the library is unusable, or {@code null}. */
    String problem() {
        return problem;
    }

    /** The variants this CPU runs and the library holds, narrowest first; empty when unusable. */
    List<String> variants() {
        return variants;
    }

    /** The widest variant this CPU runs. @throws IllegalStateException saying why the kernels cannot run here */
    String widestVariant() {
        symbols();
        return variants.getLast();
    }

    /** @throws IllegalStateException saying why {@code variant} cannot run here */
    void requireVariant(String variant) {
        symbols();
        if (!variants.contains(variant)) {
            throw new IllegalStateException("the native " + variant + " kernels cannot run here: "
                    + (VARIANTS.contains(variant) ? "this CPU or library has only " + variants
                    : "no such variant (" + VARIANTS + ")"));
        }
    }

    /** Loads the library at classpath {@code resource}; never throws. */
    static NativeLibrary load(String resource) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return unusable("they are built for Linux x86-64, this is " + os + " " + arch);
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return unusable(resource + " is not on the classpath (built without a C compiler?)");
            }
            Path file = Files.createTempFile("deepseek4j_kernels", ".so");
            SymbolLookup symbols;
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                symbols = SymbolLookup.libraryLookup(file, Arena.global());
            } finally {
                Files.deleteIfExists(file); // the loaded library stays mapped; nothing is left behind
            }
            MethodHandle cpuLevel = Linker.nativeLinker().downcallHandle(
                    symbols.findOrThrow("deepseek4j_cpu_level"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            int level = (int) cpuLevel.invokeExact(); // 0: none, 1: avx2, 2: avx512 too
            if (level == 0) {
                return unusable("this CPU lacks AVX2, FMA or F16C");
            }
            List<String> runnable = new ArrayList<>();
            for (int v = 0; v < Math.min(level, VARIANTS.size()); v++) {
                if (symbols.find(PROBE + VARIANTS.get(v)).isPresent()) {
                    runnable.add(VARIANTS.get(v));
                }
            }
            if (runnable.isEmpty()) {
                return unusable(resource + " holds none of the variants " + VARIANTS);
            }
            return new NativeLibrary(symbols, null, List.copyOf(runnable));
        } catch (Throwable e) {
            return unusable("loading " + resource + " failed: " + e);
        }
    }

    /** A downcall to {@code name}, which may read and write heap arrays and must return quickly. */
    MethodHandle function(String name, FunctionDescriptor descriptor) {
        MemorySegment address = symbols().findOrThrow(name);
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }
}
