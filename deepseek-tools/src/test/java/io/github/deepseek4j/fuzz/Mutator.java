package io.github.deepseek4j.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded byte mutations in the manner of libFuzzer's: bit flips, interesting bytes and integers (0, -1,
 * sign bits, huge lengths) at random offsets, insertions, deletions, duplicated and spliced chunks,
 * truncations, and for text formats the format's own tokens. One seed gives one sequence of inputs.
 */
final class Mutator {

    private static final long[] INTERESTING = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 0xFFFFFFFFL, 1L << 32, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};

    private final Random random;
    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;

    Mutator(long seed, List<byte[]> seeds, List<String> dictionary) {
        this.random = new Random(seed);
        this.seeds = seeds;
        this.dictionary = dictionary.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** A new input: a seed with one to eight stacked mutations, fewer more often (most mutants stay near valid). */
    byte[] next() {
        byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
        int stacked = 1;
        while (stacked < 8 && random.nextInt(3) == 0) {
            stacked++;
        }
        for (int k = 0; k < stacked; k++) {
            data = mutate(data);
        }
        return data;
    }

    private byte[] mutate(byte[] data) {
        if (data.length == 0) {
            return insert(data, 0, token());
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(dictionary.isEmpty() ? 8 : 10)) {
            case 0 -> { // flip one bit
                data[at] ^= (byte) (1 << random.nextInt(8));
                yield data;
            }
            case 1 -> { // an interesting byte
                data[at] = (byte) INTERESTING[random.nextInt(6)];
                yield data;
            }
            case 2 -> { // an interesting little-endian integer of 2, 4 or 8 bytes
                int width = 2 << random.nextInt(3);
                long value = INTERESTING[random.nextInt(INTERESTING.length)];
                for (int i = 0; i < width && at + i < data.length; i++) {
                    data[at + i] = (byte) (value >>> (8 * i));
                }
                yield data;
            }
            case 3 -> Arrays.copyOf(data, random.nextInt(data.length)); // truncate
            case 4 -> { // delete a chunk
                int n = Math.min(data.length - at, 1 + random.nextInt(16));
                byte[] out = new byte[data.length - n];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, at + n, out, at, data.length - at - n);
                yield out;
            }
            case 5 -> { // duplicate a chunk in place (repeats structure: nesting, lists)
                int n = Math.min(data.length - at, 1 + random.nextInt(64));
                yield data.length > 1 << 20 ? data : insert(data, at, Arrays.copyOfRange(data, at, at + n));
            }
            case 6 -> { // splice with another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(Math.max(1, other.length));
                int n = Math.min(other.length - from, 1 + random.nextInt(64));
                yield n <= 0 ? data : insert(data, at, Arrays.copyOfRange(other, from, from + n));
            }
            case 7 -> { // random bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n && at + i < data.length; i++) {
                    data[at + i] = (byte) random.nextInt(256);
                }
                yield data;
            }
            default -> insert(data, at, token()); // a token of the format
        };
    }

    private byte[] token() {
        return dictionary.isEmpty() ? new byte[] {(byte) random.nextInt(256)} : dictionary.get(random.nextInt(dictionary.size()));
    }

    private static byte[] insert(byte[] data, int at, byte[] piece) {
        byte[] out = new byte[data.length + piece.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(data, at, out, at + piece.length, data.length - at);
        return out;
    }
}
