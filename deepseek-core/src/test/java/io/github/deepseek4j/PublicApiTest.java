package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API package speaks in its own types and the JDK's. What it still borrows from other packages is
 * listed here, so that the list can only shrink (issue #19 moves these into the API package).
 */
class PublicApiTest {

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
        for (Class<?> type : apiClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    collect(m.getGenericReturnType(), borrowed);
                    for (Type p : m.getGenericParameterTypes()) {
                        collect(p, borrowed);
                    }
                }
            }
        }
        assertThat(borrowed).as("remove a type from STILL_BORROWED once the API stops using it")
                .isEqualTo(STILL_BORROWED);
    }

    private static void collect(Type type, Set<String> borrowed) {
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), borrowed);
            case Class<?> c when !c.isPrimitive() && !c.getPackageName().startsWith("java.")
                    && !c.getPackageName().equals(Model.class.getPackageName()) -> borrowed.add(c.getName());
            case ParameterizedType p -> {
                collect(p.getRawType(), borrowed);
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, borrowed);
                }
            }
            default -> { }
        }
    }

    /** The public classes of the API package, nested ones included, from the build's class folder or jar. */
    private static List<Class<?>> apiClasses() throws Exception {
        Path dir = classFolder().resolve(Model.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(Model.class.getPackageName() + "." + simple.replace('/', '.'), false,
                        PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static Path classFolder() throws URISyntaxException {
        return Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
