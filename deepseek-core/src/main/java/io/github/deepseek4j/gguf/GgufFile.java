package io.github.deepseek4j.gguf;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.tensor.Tensor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open GGUF model: each file mapped read-only once, its header parsed and validated, each tensor
 * a slice of the mapping. No weight byte is copied to the heap.
 *
 * <p>Opening the first part of a split model ({@code name-00001-of-00003.gguf}) opens every part;
 * their tensors form one namespace and the first part's metadata describes the model.
 *
 * <p>Thread-safe for reading. {@link #close()} unmaps everything (idempotent); tensor slices must
 * not be used after it.
 */
public final class GgufFile implements AutoCloseable {

    public static final String KEY_SPLIT_COUNT = "split.count";
    public static final String KEY_SPLIT_NO = "split.no";
    public static final String KEY_SPLIT_TENSORS_COUNT = "split.tensors.count";
    private static final Pattern SPLIT_NAME = Pattern.compile("(.*)-(\\d{5})-of-(\\d{5})\\.gguf");

    private final Arena arena;
    private final List<Path> parts;
    private final GgufHeader header;
    private final List<GgufTensorInfo> tensorInfos;
    private final Map<String, Tensor> tensors;

    private GgufFile(Arena arena, List<Path> parts, GgufHeader header, List<GgufTensorInfo> infos,
                     Map<String, Tensor> tensors) {
        this.arena = arena;
        this.parts = List.copyOf(parts);
        this.header = header;
        this.tensorInfos = List.copyOf(infos);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Maps and validates {@code path} (and, for a split model, its sibling parts).
     *
     * @throws GgufFormatException when a file breaks the GGUF format
     * @throws IOException         when a file cannot be read
     */
    public static GgufFile open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return open(path.toAbsolutePath().normalize(), arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static GgufFile open(Path first, Arena arena) throws IOException {
        MemorySegment firstMap = map(first, arena);
        GgufHeader header = GgufParser.parse(first.toString(), firstMap);
        GgufMetadata meta = header.metadata();
        int splitCount = meta.getInt(KEY_SPLIT_COUNT, 1);
        List<Path> paths = new ArrayList<>(List.of(first));
        List<MemorySegment> maps = new ArrayList<>(List.of(firstMap));
        List<GgufHeader> headers = new ArrayList<>(List.of(header));
        if (splitCount > 1) {
            int splitNo = meta.getInt(KEY_SPLIT_NO, 0);
            if (splitNo != 0) {
                throw new ModelFormatException(first + ": this is part " + (splitNo + 1) + " of a split model;"
                        + " open the first part (-00001-of-" + String.format("%05d", splitCount) + ".gguf)");
            }
            Matcher m = SPLIT_NAME.matcher(first.getFileName().toString());
            if (!m.matches() || Integer.parseInt(m.group(3)) != splitCount) {
                throw new ModelFormatException(first + ": split.count = " + splitCount
                        + " but the file name does not follow NAME-00001-of-" + String.format("%05d", splitCount)
                        + ".gguf, so the other parts cannot be found");
            }
            for (int i = 1; i < splitCount; i++) {
                Path part = first.resolveSibling(String.format("%s-%05d-of-%05d.gguf", m.group(1), i + 1, splitCount));
                MemorySegment map = map(part, arena);
                GgufHeader partHeader = GgufParser.parse(part.toString(), map);
                checkPart(part, partHeader.metadata(), i, splitCount);
                paths.add(part);
                maps.add(map);
                headers.add(partHeader);
            }
        } else if (splitCount < 1) {
            throw new ModelFormatException(first + ": split.count = " + splitCount + " is not a positive count");
        }

        List<GgufTensorInfo> infos = new ArrayList<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int p = 0; p < headers.size(); p++) {
            GgufHeader h = headers.get(p);
            for (GgufTensorInfo t : h.tensors()) {
                GgufTensorInfo info = new GgufTensorInfo(t.name(), t.type(), t.shape(), t.offset(), t.byteSize(), p);
                MemorySegment slice = maps.get(p).asSlice(h.dataOffset() + t.offset(), t.byteSize());
                if (tensors.putIfAbsent(t.name(), new Tensor(t.name(), t.type(), t.shape(), slice)) != null) {
                    throw new ModelFormatException(paths.get(p) + ": tensor '" + t.name()
                            + "' appears in more than one part of the split model");
                }
                infos.add(info);
            }
        }
        if (splitCount > 1) {
            long expected = meta.getLong(KEY_SPLIT_TENSORS_COUNT, infos.size());
            if (expected != infos.size()) {
                throw new ModelFormatException(first + ": split.tensors.count = " + expected + " but the "
                        + splitCount + " parts hold " + infos.size() + " tensors");
            }
        }
        return new GgufFile(arena, paths, header, infos, tensors);
    }

    private static void checkPart(Path part, GgufMetadata meta, int index, int count) throws ModelFormatException {
        int no = meta.getInt(KEY_SPLIT_NO, -1);
        int partCount = meta.getInt(KEY_SPLIT_COUNT, -1);
        if (no != index || partCount != count) {
            throw new ModelFormatException(part + ": expected split part " + index + " of " + count
                    + ", found split.no = " + no + ", split.count = " + partCount);
        }
    }

    private static MemorySegment map(Path path, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "model file not found");
        }
    }

    /** The file that was opened (the first part of a split model). */
    public Path path() {
        return parts.getFirst();
    }

    /** Every file of the model, the first part first. */
    public List<Path> parts() {
        return parts;
    }

    public int version() {
        return header.version();
    }

    public int alignment() {
        return header.alignment();
    }

    /** Offset of the first part's data section. */
    public long dataOffset() {
        return header.dataOffset();
    }

    /** The model's metadata (the first part's, for a split model). */
    public GgufMetadata metadata() {
        return header.metadata();
    }

    /** The tensor table of every part, in file order. */
    public List<GgufTensorInfo> tensorInfos() {
        return tensorInfos;
    }

    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    public Optional<Tensor> findTensor(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** The tensor called {@code name}; a {@link ModelFormatException} naming file and tensor when absent. */
    public Tensor tensor(String name) throws ModelFormatException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException(path() + ": required tensor '" + name + "' is missing");
        }
        return t;
    }

    /** Unmaps every part. Idempotent. */
    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
