package io.github.deepseek4j.cli;

import io.github.deepseek4j.gguf.GgufArray;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.gguf.GgufValue;
import io.github.deepseek4j.gguf.GgufValueType;
import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.quant.GgmlType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code deepseek inspect FILE}: metadata, tensor table and per-type totals of a GGUF model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a GGUF model's metadata, tensor table and bytes per weight type.")
final class InspectCommand implements Callable<Integer> {

    /** How many leading items of an array are shown. */
    private static final int ARRAY_HEAD = 8;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "GGUF file (the first part of a split model)")
    Path file;

    @Option(names = "--json", description = "Print one JSON object: metadata, tensors, totals.")
    boolean json;

    @Option(names = "--kv", description = "Show only the KV cache size per token (and for the model's context).")
    boolean kv;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (kv) {
            KvCacheReport.print(file, json, out);
            out.flush();
            return DeepSeekCli.EXIT_OK;
        }
        try (GgufFile gguf = GgufFile.open(file)) {
            if (json) {
                out.println(Json.write(toJson(gguf)));
            } else {
                printText(gguf, out);
            }
        }
        out.flush();
        return DeepSeekCli.EXIT_OK;
    }

    private static Map<String, Object> toJson(GgufFile gguf) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", gguf.path().toString());
        root.put("version", gguf.version());
        root.put("parts", gguf.parts().stream().map(Path::toString).toList());
        root.put("alignment", gguf.alignment());
        root.put("data_offset", gguf.dataOffset());
        root.put("architecture", gguf.metadata().get("general.architecture").map(GgufValue::value).orElse(null));
        Map<String, Object> metadata = new LinkedHashMap<>();
        gguf.metadata().asMap().forEach((k, v) -> metadata.put(k, jsonValue(v)));
        root.put("metadata", metadata);
        List<Object> tensors = new ArrayList<>();
        for (GgufTensorInfo t : gguf.tensorInfos()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("type", t.type().name());
            m.put("shape", Arrays.stream(t.shape()).boxed().toList());
            m.put("bytes", t.byteSize());
            m.put("offset", t.offset());
            if (gguf.parts().size() > 1) {
                m.put("part", t.part());
            }
            tensors.add(m);
        }
        root.put("tensors", tensors);
        Map<String, Object> totals = new LinkedHashMap<>();
        totalsByType(gguf).forEach((type, total) -> totals.put(type.name(),
                Map.of("tensors", total[0], "bytes", total[1])));
        root.put("totals", totals);
        return root;
    }

    private static Object jsonValue(GgufValue v) {
        if (v.value() instanceof GgufArray a) {
            return arraySummary(a);
        }
        return v.type() == GgufValueType.UINT64 ? unsigned((Long) v.value()) : v.value();
    }

    private static Map<String, Object> arraySummary(GgufArray a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.elementType().name());
        m.put("length", a.length());
        List<Object> head = new ArrayList<>();
        for (int i = 0; i < Math.min(ARRAY_HEAD, a.length()); i++) {
            Object item = a.get(i);
            head.add(item instanceof GgufArray nested ? arraySummary(nested)
                    : a.elementType() == GgufValueType.UINT64 ? unsigned((Long) item) : item);
        }
        m.put("head", head);
        return m;
    }

    private static Object unsigned(long raw) {
        return raw >= 0 ? raw : new BigInteger(Long.toUnsignedString(raw));
    }

    private static Map<GgmlType, long[]> totalsByType(GgufFile gguf) {
        Map<GgmlType, long[]> totals = new EnumMap<>(GgmlType.class);
        for (GgufTensorInfo t : gguf.tensorInfos()) {
            long[] total = totals.computeIfAbsent(t.type(), k -> new long[2]);
            total[0]++;
            total[1] += t.byteSize();
        }
        return totals;
    }

    private static void printText(GgufFile gguf, PrintWriter out) throws Exception {
        out.printf("file:         %s%n", gguf.path());
        if (gguf.parts().size() > 1) {
            out.printf("parts:        %d%n", gguf.parts().size());
        }
        out.printf("format:       GGUF v%d, alignment %d, data at byte %d%n",
                gguf.version(), gguf.alignment(), gguf.dataOffset());
        out.printf("architecture: %s%n", gguf.metadata().getString("general.architecture", "(not set)"));
        out.printf("%nmetadata (%d keys):%n", gguf.metadata().size());
        gguf.metadata().asMap().forEach((k, v) -> out.printf("  %-45s %s%n", k, textValue(v)));

        long totalBytes = gguf.tensorInfos().stream().mapToLong(GgufTensorInfo::byteSize).sum();
        out.printf("%ntensors (%d, %s):%n", gguf.tensorInfos().size(), bytes(totalBytes));
        int nameWidth = gguf.tensorInfos().stream().mapToInt(t -> t.name().length()).max().orElse(4);
        out.printf("  %-" + nameWidth + "s  %-7s  %-22s  %12s  %12s%n", "name", "type", "shape", "bytes", "offset");
        for (GgufTensorInfo t : gguf.tensorInfos()) {
            out.printf("  %-" + nameWidth + "s  %-7s  %-22s  %12d  %12d%n", t.name(), t.type(),
                    Arrays.toString(t.shape()), t.byteSize(), t.offset());
        }
        out.printf("%ntotals per type:%n");
        totalsByType(gguf).forEach((type, total) ->
                out.printf("  %-7s  %5d tensors  %s%n", type, total[0], bytes(total[1])));
    }

    private static String textValue(GgufValue v) {
        if (v.value() instanceof GgufArray a) {
            StringBuilder sb = new StringBuilder("[" + a.elementType() + " x " + a.length() + "]");
            for (int i = 0; i < Math.min(ARRAY_HEAD, a.length()); i++) {
                Object item = a.get(i);
                sb.append(i == 0 ? " " : ", ").append(item instanceof String s ? Json.write(s) : item);
            }
            return a.length() > ARRAY_HEAD ? sb.append(", ...").toString() : sb.toString();
        }
        return switch (v.value()) {
            case String s -> Json.write(s.length() > 200 ? s.substring(0, 200) + "..." : s);
            case Long l when v.type() == GgufValueType.UINT64 -> Long.toUnsignedString(l);
            default -> String.valueOf(v.value());
        };
    }

    private static String bytes(long n) {
        return n >= 1 << 20 ? String.format("%.1f MiB", n / 1048576.0) : n + " bytes";
    }
}
