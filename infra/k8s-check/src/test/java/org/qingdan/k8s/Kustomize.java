package org.qingdan.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize} (offline: it reads only the directory) and reads the
 * objects it prints. kubectl is taken from {@code $KUBECTL}, else from the PATH, else from where {@code .ci/kubectl}
 * puts the one it unpacks from npm; without any, the tests fail and say how to get one.
 */
final class Kustomize {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("infra/k8s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Kustomize() {
    }

    static List<JsonNode> render(Path directory) {
        return parse(renderText(directory));
    }

    static String renderText(Path directory) {
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + directory + " took longer than 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + directory + " failed: " + Files.readString(err));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setNestingDepthLimit(1000);
        List<JsonNode> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
            if (document != null) {
                objects.add(JSON.valueToTree(document));
            }
        }
        return objects;
    }

    private static String kubectl;

    /**
     * {@code $KUBECTL} if set (as {@code .ci/run} does); else what {@code .ci/kubectl} chooses: the PATH's if it
     * renders the overlays (Debian's is too old to), or one it unpacks from npm once. So the README's test command
     * works on a fresh machine without a kubectl of its own.
     */
    static synchronized String kubectl() {
        if (kubectl != null) {
            return kubectl;
        }
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return kubectl = configured;
        }
        Path script = Path.of(System.getProperty("qingdan.repo", "../..")).toAbsolutePath().normalize().resolve(".ci/kubectl");
        try {
            Process chooser = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(chooser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (chooser.waitFor() == 0 && !out.isEmpty()) {
                return kubectl = out.lines().reduce((first, last) -> last).orElseThrow();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no kubectl that renders infra/k8s: set KUBECTL, or see what " + script + " printed above");
    }

    /** What kubectl prints of an object: {@code Kind/name}. */
    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
