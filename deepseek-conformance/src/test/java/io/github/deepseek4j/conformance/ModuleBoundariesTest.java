package io.github.deepseek4j.conformance;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module layout the README describes: which module may depend on which (so that dependencies point from
 * the tools towards the library, never back), what deepseek-core itself pulls in, and that deepseek-core's
 * classes hold and reference no tools, conformance or command-line code.
 */
class ModuleBoundariesTest {

    /** Every module and the project modules it may depend on, in any scope. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("deepseek-test-support", Set.of()),
            Map.entry("deepseek-internal", Set.of()),
            Map.entry("deepseek-quant", Set.of("deepseek-internal", "deepseek-test-support")),
            Map.entry("deepseek-tokenizer", Set.of("deepseek-internal", "deepseek-test-support")),
            Map.entry("deepseek-core", Set.of("deepseek-quant", "deepseek-tokenizer", "deepseek-test-support")),
            Map.entry("deepseek-demo-model", Set.of("deepseek-core", "deepseek-test-support")),
            Map.entry("deepseek-conformance", Set.of("deepseek-core", "deepseek-internal", "deepseek-test-support")),
            Map.entry("deepseek-tools", Set.of("deepseek-core", "deepseek-internal", "deepseek-conformance",
                    "deepseek-test-support")),
            Map.entry("deepseek-cli", Set.of("deepseek-core", "deepseek-internal", "deepseek-tools", "deepseek-conformance",
                    "deepseek-demo-model", "deepseek-test-support")),
            Map.entry("examples", Set.of("deepseek-core", "deepseek-demo-model")),
            Map.entry("jmh", Set.of("deepseek-core")));

    /** What an application gets with deepseek-core (compile and runtime scope, optional ones left out). */
    private static final Set<String> CORE_DEPENDENCIES = Set.of("deepseek-quant", "deepseek-tokenizer", "slf4j-api");

    /** Packages of code that uses the library and must not live in, or be reached from, deepseek-core. */
    private static final List<String> NOT_IN_CORE = List.of("io/github/deepseek4j/tools/",
            "io/github/deepseek4j/conformance/", "io/github/deepseek4j/cli/", "picocli/");

    @Test
    void everyModuleIsListedWithItsAllowedDependencies() throws Exception {
        assertThat(new TreeSet<>(modules())).isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @Test
    void dependenciesPointTowardsTheLibrary() throws Exception {
        Map<String, Set<String>> offending = new TreeMap<>();
        for (String module : modules()) {
            Set<String> extra = new TreeSet<>(projectDependencies(module));
            extra.removeAll(ALLOWED.get(module));
            if (!extra.isEmpty()) {
                offending.put(module, extra);
            }
        }
        assertThat(offending).as("module -> dependencies it may not have").isEmpty();
    }

    @Test
    void coreBringsOnlyQuantTokenizerAndTheLoggingApi() throws Exception {
        List<String> required = new ArrayList<>();
        for (Element d : dependencies("deepseek-core")) {
            String scope = text(d, "scope");
            if (!"test".equals(scope) && !"true".equals(text(d, "optional"))) {
                required.add(text(d, "artifactId"));
            }
        }
        assertThat(required).containsExactlyInAnyOrderElementsOf(CORE_DEPENDENCIES);
    }

    @Test
    void coreClassesHoldAndReachNoToolsConformanceOrCommandLine() throws Exception {
        Map<String, byte[]> classes = coreClasses();
        assertThat(classes).as("deepseek-core classes").containsKey("io/github/deepseek4j/Model.class");
        List<String> offenders = new ArrayList<>();
        classes.forEach((name, bytes) -> {
            String constants = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String forbidden : NOT_IN_CORE) {
                if (name.startsWith(forbidden) || constants.contains(forbidden)) {
                    offenders.add(name + " (" + forbidden + ")");
                }
            }
        });
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyJarNamesItsModule() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String module : modules()) {
            Element properties = child(pom(SharedData.repositoryRoot().resolve(module).resolve("pom.xml"))
                    .getDocumentElement(), "properties");
            String name = properties == null ? null : text(properties, "module.name");
            assertThat(name).as("module.name of " + module).matches("io\\.github\\.deepseek4j(\\.[a-z]+)+");
            assertThat(names.add(name)).as("module.name of " + module + " is unique").isTrue();
        }
        Path core = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(core)) { // the packaged jar, as in ./mvnw verify
            try (JarFile jar = new JarFile(core.toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .isEqualTo("io.github.deepseek4j.core");
            }
        }
    }

    /** The class files of deepseek-core as the build put them on this test's class path: a folder or a jar. */
    private static Map<String, byte[]> coreClasses() throws IOException, URISyntaxException {
        Path location = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            return classes;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return classes;
    }

    private static List<String> modules() throws Exception {
        NodeList nodes = pom(SharedData.repositoryRoot().resolve("pom.xml")).getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().strip());
        }
        return modules;
    }

    private static Set<String> projectDependencies(String module) throws Exception {
        Set<String> project = new TreeSet<>();
        for (Element d : dependencies(module)) {
            if ("io.github.deepseek4j".equals(text(d, "groupId"))) {
                project.add(text(d, "artifactId"));
            }
        }
        return project;
    }

    /** The module's own {@code <dependencies>} (not its dependency management, nor plugin dependencies). */
    private static List<Element> dependencies(String module) throws Exception {
        Element root = pom(SharedData.repositoryRoot().resolve(module).resolve("pom.xml")).getDocumentElement();
        List<Element> result = new ArrayList<>();
        Element dependencies = child(root, "dependencies");
        if (dependencies != null) {
            NodeList deps = dependencies.getElementsByTagName("dependency");
            for (int j = 0; j < deps.getLength(); j++) {
                result.add((Element) deps.item(j));
            }
        }
        return result;
    }

    /** The direct child element called {@code tag}, or null. */
    private static Element child(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
