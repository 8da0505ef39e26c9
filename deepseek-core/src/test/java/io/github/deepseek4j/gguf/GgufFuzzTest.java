package io.github.deepseek4j.gguf;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates the headers of real files (random bytes, truncations, huge length fields): the parser may
 * accept a mutant or throw GgufFormatException, and nothing else.
 */
class GgufFuzzTest {

    private static final int INPUTS = 12_000;

    @Test
    void mutatedHeadersOnlyEverFailWithGgufFormatException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<Long> headerSizes = new ArrayList<>();
        for (String name : new String[] {"conformance/models/tiny-llama-q4_k_m.gguf",
                "conformance/models/tiny-deepseek3-mla-f16.gguf", "tokenizer/ggml-vocab-stories260k.gguf"}) {
            byte[] bytes = Files.readAllBytes(SharedData.require(name));
            seeds.add(bytes);
            headerSizes.add(GgufParser.parse(name, MemorySegment.ofArray(bytes)).dataOffset());
        }
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            int which = random.nextInt(seeds.size());
            byte[] original = seeds.get(which);
            int headerSize = headerSizes.get(which).intValue();
            byte[] savedHeader = java.util.Arrays.copyOf(original, headerSize);
            try {
                GgufParser.parse("fuzz.gguf", mutate(original, headerSize, random));
            } catch (GgufFormatException expected) {
                rejected++;
            } catch (Throwable other) {
                throw new AssertionError("input " + i + " (seed " + seed + ") threw " + other, other);
            } finally {
                System.arraycopy(savedHeader, 0, original, 0, headerSize);
            }
        }
        assertThat(rejected).as("seed %d", seed).isGreaterThan(INPUTS / 4);
    }

    /**
     * Mutates {@code seed} in place (the caller restores it) and returns the view to parse; files are
     * megabytes, so nothing is copied.
     */
    private static MemorySegment mutate(byte[] seed, int headerSize, Random random) {
        ByteBuffer buffer = ByteBuffer.wrap(seed).order(ByteOrder.LITTLE_ENDIAN);
        MemorySegment whole = MemorySegment.ofArray(seed);
        switch (random.nextInt(4)) {
            case 0 -> { // truncate anywhere in the header or the first data
                return whole.asSlice(0, random.nextInt(Math.min(seed.length, headerSize + 4096)));
            }
            case 1 -> { // a few random header bytes
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    seed[random.nextInt(headerSize)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> { // a huge or negative 64-bit field at a random header position
                long value = switch (random.nextInt(3)) {
                    case 0 -> -1L - random.nextInt(1000);
                    case 1 -> 1L << (32 + random.nextInt(31));
                    default -> (long) seed.length + random.nextInt(1 << 20);
                };
                buffer.putLong(random.nextInt(headerSize - 8), value);
            }
            default -> // a huge 32-bit field (type ids, dimension counts, versions)
                    buffer.putInt(random.nextInt(headerSize - 4), random.nextInt());
        }
        return whole;
    }
}
