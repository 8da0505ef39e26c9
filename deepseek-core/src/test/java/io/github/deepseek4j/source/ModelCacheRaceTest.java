package io.github.deepseek4j.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, item 3: threads and processes unpacking one archive into one cache at once all succeed. */
class ModelCacheRaceTest {

    @TempDir
    Path dir;

    /** A model of about 256 KB, so that unpacking takes long enough for the racers to overlap. */
    private Path archive() throws IOException {
        return TestArchives.tarXz(dir.resolve("m.tar.xz"), "m.gguf", TestArchives.model(1 << 16));
    }

    @Test
    void racingThreadsAllGetTheEntry() throws Exception {
        Path archive = archive();
        for (int round = 0; round < 3; round++) {
            ModelCache cache = ModelCache.at(dir.resolve("cache-" + round));
            int racers = 16;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Future<Path>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return ModelSources.resolve(archive, cache);
                    }));
                }
                start.countDown();
                Path first = results.getFirst().get(1, TimeUnit.MINUTES);
                for (Future<Path> f : results) {
                    assertThat(f.get(1, TimeUnit.MINUTES)).isEqualTo(first);
                }
                assertThat(Files.size(first)).isGreaterThan(1 << 18);
                assertNoPartialEntries(cache);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void racingProcessesAllGetTheEntry() throws Exception {
        Path archive = archive();
        Path cache = dir.resolve("shared-cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Racer.class.getName(),
                    archive.toString(), cache.toString()).redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : racers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            outputs.add(out.lines().reduce((a, b) -> b).orElse(""));
        }
        assertThat(outputs).allMatch(o -> o.equals(outputs.getFirst())).first().asString().endsWith("m.gguf");
        assertNoPartialEntries(ModelCache.at(cache));
    }

    private static void assertNoPartialEntries(ModelCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.root())) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(".partial"))).isEmpty();
        }
    }

    /** One racing process: resolves the archive once and prints the path it got. */
    static final class Racer {
        public static void main(String[] args) throws IOException {
            System.out.println(ModelSources.resolve(Path.of(args[0]), ModelCache.at(Path.of(args[1]))));
        }
    }
}
