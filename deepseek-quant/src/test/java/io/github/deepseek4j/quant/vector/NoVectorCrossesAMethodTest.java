package io.github.deepseek4j.quant.vector;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernels' rule (see {@link Lanes}): no method of ours takes or returns a vector, since C2 boxes a
 * vector that crosses a method it chose not to inline, and that choice differs by vector width, call
 * profile and method size. DecodeAllocationTest measures the result; this test names the offender.
 */
class NoVectorCrossesAMethodTest {

    @Test
    void noMethodOfTheVectorKernelsTakesOrReturnsAVector() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes/io/github/deepseek4j/quant/vector");
        assertThat(classes).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(Lanes.class.getPackageName() + "." + name, false, getClass().getClassLoader());
                List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
                executables.addAll(List.of(type.getDeclaredConstructors()));
                for (Executable executable : executables) {
                    List<Class<?>> types = new ArrayList<>(List.of(executable.getParameterTypes()));
                    if (executable instanceof Method method) {
                        types.add(method.getReturnType());
                    }
                    if (types.stream().anyMatch(t -> t.getPackageName().equals("jdk.incubator.vector"))) {
                        offenders.add(name + "." + executable.getName());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
