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
import java.util.Locale;

/**
 * The AVX2 kernels built from {@code src/main/c} into the jar: copied to a temporary file and loaded
 * once per JVM, then checked against the CPU. Either {@link #symbols()} is usable or {@link #problem()}
 * says why not.
 */
final class NativeLibrary {

    static final String RESOURCE = "/native/linux-x86-64/libdeepseek4j_kernels.so";

    private static final class Loaded {
        static final NativeLibrary INSTANCE = load(RESOURCE);
    }

    private final SymbolLookup symbols;
    private final String problem;

    private NativeLibrary(SymbolLookup symbols, String problem) {
        this.symbols = symbols;
        this.problem = problem;
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

    /** Loads the library at classpath {@code resource}; never throws. */
    static NativeLibrary load(String resource) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return new NativeLibrary(null, "they are built for Linux x86-64, this is " + os + " " + arch);
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new NativeLibrary(null, resource + " is not on the classpath (built without a C compiler?)");
            }
            Path file = Files.createTempFile("deepseek4j_kernels", ".so");
            SymbolLookup symbols;
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                symbols = SymbolLookup.libraryLookup(file, Arena.global());
            } finally {
                Files.deleteIfExists(file); // the loaded library stays mapped; nothing is left behind
            }
            MethodHandle cpuSupported = Linker.nativeLinker().downcallHandle(
                    symbols.findOrThrow("deepseek4j_cpu_supported"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            if ((int) cpuSupported.invokeExact() == 0) {
                return new NativeLibrary(null, "this CPU lacks AVX2, FMA or F16C");
            }
            return new NativeLibrary(symbols, null);
        } catch (Throwable e) {
            return new NativeLibrary(null, "loading " + resource + " failed: " + e);
        }
    }

    /** A downcall to {@code name}, which may read and write heap arrays and must return quickly. */
    MethodHandle function(String name, FunctionDescriptor descriptor) {
        MemorySegment address = symbols().findOrThrow(name);
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }
}
