package io.github.deepseek4j.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory where packed models (archives, classpath resources) are unpacked once, keyed by the
 * SHA-256 of their content. Every entry is built in a temporary folder and renamed into place, so
 * an interrupted extraction never leaves a half model that a later run would load. Threads and
 * processes resolving the same content at once may each unpack it; the first rename wins and the
 * others use its entry.
 */
public final class ModelCache {

    /** Environment variable that overrides the default cache directory. */
    public static final String ENV_CACHE_DIR = "DEEPSEEK4J_CACHE";

    /**
     * Default limit on the bytes unpacked from one archive: 2 TiB, above the largest published models. Whatever
     * the limit, unpacking also stops before the cache's disk has less than {@link #DISK_SPACE_MARGIN_BYTES}
     * free (see {@link #unpackLimit()}).
     */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 2L << 40;

    /** Disk space an unpack always leaves free on the cache's file system: 1 GiB. */
    public static final long DISK_SPACE_MARGIN_BYTES = 1L << 30;

    private final Path root;
    private final long maxUnpackedBytes;

    private ModelCache(Path root, long maxUnpackedBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** A cache in {@code directory} (created when first used). */
    public static ModelCache at(Path directory) {
        return new ModelCache(Objects.requireNonNull(directory, "directory"), DEFAULT_MAX_UNPACKED_BYTES);
    }

    /** The same cache with another limit on the bytes one archive may unpack to (default 2 TiB). */
    public ModelCache withMaxUnpackedBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxUnpackedBytes must be positive, got " + bytes);
        }
        return new ModelCache(root, bytes);
    }

    public long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }

    /**
     * The bytes one archive may unpack to now: {@link #maxUnpackedBytes()}, capped at the usable space of the
     * cache's file system less {@link #DISK_SPACE_MARGIN_BYTES}, so a decompression bomb stops with a clear error
     * (and its partial files removed) instead of filling the disk. Creates the cache directory.
     */
    public long unpackLimit() throws IOException {
        Files.createDirectories(root);
        long usable = Files.getFileStore(root).getUsableSpace();
        return Math.max(0, Math.min(maxUnpackedBytes, usable - DISK_SPACE_MARGIN_BYTES));
    }

    /**
     * The default cache: {@code $DEEPSEEK4J_CACHE}, else {@code $XDG_CACHE_HOME/deepseek4j}, else
     * {@code ~/.cache/deepseek4j}.
     */
    public static ModelCache defaultCache() {
        String configured = System.getenv(ENV_CACHE_DIR);
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("deepseek4j"));
    }

    public Path root() {
        return root;
    }

    /** Fills a fresh directory with an entry's files. */
    @FunctionalInterface
    interface Filler {
        void fill(Path directory) throws IOException;
    }

    /**
     * The cache directory for {@code key}, created by {@code filler} in a temporary directory and
     * renamed into place when it is not there yet.
     */
    Path entry(String key, Filler filler) throws IOException {
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".partial-" + key.substring(0, Math.min(12, key.length())) + "-");
        try {
            filler.fill(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cache directory " + root + " does not support atomic renames", e);
            } catch (FileSystemException raced) {
                // Another thread or process renamed its copy of the same content into place first (Linux says
                // "Directory not empty" as a plain FileSystemException); an entry appears only complete, so it
                // is as good as ours. Anything else is a real failure.
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } finally {
            deleteTree(tmp);
        }
    }

    /** Copies {@code in} to {@code file}, returning the SHA-256 of what was copied. */
    static String copyHashing(InputStream in, Path file) throws IOException {
        MessageDigest sha = sha256();
        try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
            Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 of a file's content. */
    static String hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
