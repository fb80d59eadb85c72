package dev.slipway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The objects `helm template` produced for one set of values, parsed into plain maps so tests read
 * them the way Kubernetes would.
 */
final class RenderedChart {

    /** Surefire runs in the module's directory, which holds the chart. */
    static final Path CHART = Path.of("slipway");

    static final String RELEASE = "slipway";
    static final String NAMESPACE = "platform";

    /** A value every render needs, since the chart refuses to render without it. */
    static final String DATABASE_URL = "jdbc:postgresql://postgres.db:5432/slipway";

    private final List<Map<String, Object>> objects;

    private RenderedChart(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Renders with the given values on top of the chart's defaults, like `helm template --set`. */
    static RenderedChart render(Map<String, Object> values) {
        return parse(template(values).call());
    }

    static TemplateCommand template(Map<String, Object> values) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        values.forEach(command::set);
        return command;
    }

    /** What `helm install` prints after installing: `helm template` leaves NOTES.txt out. */
    static String installNotes(Map<String, Object> values) {
        InstallCommand command = new Helm(CHART).install().withName(RELEASE).withNamespace(NAMESPACE)
                .clientOnly().dryRun();
        values.forEach(command::set);
        String output = command.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    @SuppressWarnings("unchecked")
    private static RenderedChart parse(String manifest) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifest)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new RenderedChart(objects);
    }

    Optional<Node> find(String kind) {
        List<Map<String, Object>> ofKind = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(ofKind).as("objects of kind %s", kind).hasSizeLessThanOrEqualTo(1);
        return ofKind.stream().findFirst().map(Node::new);
    }

    Node get(String kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered; kinds: " + kinds()));
    }

    List<String> kinds() {
        return objects.stream().map(o -> String.valueOf(o.get("kind"))).toList();
    }

    Node deployment() {
        return get("Deployment");
    }

    Node podSpec() {
        return deployment().at("spec.template.spec");
    }

    Node container() {
        List<Node> containers = podSpec().list("containers");
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    /** The container's environment as name -> value (or the secretKeyRef as "secret/key"). */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Node variable : container().list("env")) {
            String value = variable.has("value")
                    ? variable.string("value")
                    : variable.string("valueFrom.secretKeyRef.name") + "/" + variable.string("valueFrom.secretKeyRef.key");
            env.put(variable.string("name"), value);
        }
        return env;
    }

    /** A step into parsed YAML by dotted path; a missing step fails the test with the path in its message. */
    record Node(Object value) {

        Node at(String path) {
            Object current = value;
            for (String step : path.split("\\.")) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                    throw new AssertionError("no '" + step + "' on the way to '" + path + "' in " + value);
                }
                current = map.get(step);
            }
            return new Node(current);
        }

        boolean has(String path) {
            try {
                at(path);
                return true;
            } catch (AssertionError missing) {
                return false;
            }
        }

        String string(String path) {
            return Objects.toString(at(path).value(), null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String path) {
            return (Map<String, Object>) at(path).value();
        }

        List<Node> list(String path) {
            return ((List<?>) at(path).value()).stream().map(Node::new).toList();
        }

        /** The list element whose {@code name} is the given one. */
        Node named(String path, String name) {
            return list(path).stream()
                    .filter(item -> name.equals(item.string("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing named " + name + " in " + path + ": " + value));
        }
    }
}
